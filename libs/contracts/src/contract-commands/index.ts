export { ContractCommands } from './contract-commands.service.js';
export { contractCommands, type ContractCommandInput } from './contract-command.message.js';
export { actorOf, canSeeContractState } from './contract-actor.js';
export { readDeal, readDealTriangle, type DealAsRead } from './won-deal.reader.js';
