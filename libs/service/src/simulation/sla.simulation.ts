import { definePolicySimulation } from '#ltc/platform';
import { SlaPolicyDefinitionDto } from '../config/sla-policy.dto.js';
import { CONFIG_SLUG, type SlaPolicyDefinition } from '../domain/config/index.js';
import { ALL_TICKET_EVENT_TYPES } from '../domain/ticket-event.js';
import { parseSlaProposal } from './sla-proposal.js';
import { SlaReplay } from './sla-replay.js';

/**
 * `POST /simulations` with `kind: sla`: the tickets of a period replayed under a proposed SLA
 * policy (the body of `PUT /sla-policies/{id}`), their warnings and breaches per priority beside
 * the recorded ones. Without a proposal each ticket runs under the snapshot it recorded, which
 * reproduces the record: the replay's own control.
 */
export const slaSimulation = definePolicySimulation<SlaPolicyDefinition>({
  kind: 'sla',
  summary: "SLA warnings and breaches per priority, had the period's tickets run under another SLA policy",
  roles: ['service_manager', 'auditor'],
  scope: {
    description: 'an SLA policy id (only tickets accepted under it are replayed)',
    pattern: CONFIG_SLUG,
  },
  reads: { eventTypes: [...ALL_TICKET_EVENT_TYPES, 'ServiceCalendarConfigured'] },
  policyDto: SlaPolicyDefinitionDto,
  parsePolicy: parseSlaProposal,
  start: (request) => new SlaReplay(request),
});
