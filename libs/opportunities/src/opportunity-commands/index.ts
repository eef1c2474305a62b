export { OpportunityCommands } from './opportunity-commands.service.js';
export { opportunityCommands, type OpportunityCommandInput } from './opportunity-command.message.js';
export { actorOf, membersOf } from './opportunity-actor.js';
