import { defineContext } from '#ltc/platform';
import { ServiceConfigModule, serviceConfigProjections } from './config/index.js';
import { ServiceReadsModule, serviceReadProjections } from './read-models/index.js';
import { ServiceTicketsModule } from './service-tickets.module.js';
import { ticketLinksProcessManager } from './links/index.js';
import { slaTimersProcessManager } from './sla-timers/index.js';
import { slaSimulation } from './simulation/index.js';
import { ticketHistory } from './ticket-history.js';
import { servicePermissions } from './service.permissions.js';
import { ticketPersonalFields } from './ticket-personal-data.js';

/**
 * Issue to Resolution (ITR) as the engine runs it: service tickets accepted from any channel,
 * graded, worked on lines 1 → 2 → 3, resolved, verified, closed and called back, each under the
 * SLA policy version it was accepted with; warnings and breaches raised by durable timers at
 * the exact business-time instant; internal tasks under OLA targets; leads and product
 * requirements raised from tickets; and what-if replays of a period's tickets under another SLA
 * policy (`POST /simulations`, kind `sla`).
 */
export const serviceContext = defineContext({
  name: 'service',
  personalData: ticketPersonalFields,
  modules: [ServiceConfigModule, ServiceTicketsModule, ServiceReadsModule],
  projections: [...serviceConfigProjections, ...serviceReadProjections],
  processManagers: [slaTimersProcessManager, ticketLinksProcessManager],
  history: ticketHistory,
  simulations: [slaSimulation],
  permissions: servicePermissions,
});
