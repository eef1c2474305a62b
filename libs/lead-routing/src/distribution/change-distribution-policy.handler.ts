import { commandHandlerFor } from '#ltc/platform';
import { distributionPolicyDecider } from './domain/distribution-policy.decider.js';
import { parseDistributionPolicyEvent } from './domain/distribution-policy.events.js';
import { distributionPolicyStream } from './distribution-policy.stream.js';

/** Every distribution policy command goes through this one message and handler, one stream per team. */
export const distributionPolicyCommands = commandHandlerFor(distributionPolicyDecider, {
  entity: 'DistributionPolicy',
  stream: distributionPolicyStream,
  parse: parseDistributionPolicyEvent,
});

/** The Nest CQRS message of a policy change; the handler adds the clock's now. */
export const ChangeDistributionPolicyCommand = distributionPolicyCommands.Message;
/** Registered by the distribution module. */
export const ChangeDistributionPolicyHandler = distributionPolicyCommands.Handler;
