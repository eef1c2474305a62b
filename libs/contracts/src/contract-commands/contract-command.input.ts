import type { WithoutNow } from '#ltc/platform';
import type { ContractCommand, ScheduleHandoverMeeting } from '../domain/contract.commands.js';

/**
 * A contract command as a route or a dispatch writes it: without the clock's time, and a
 * handover meeting without the deal's triangle, which the handler reads from the deal's own
 * stream on every attempt (the FR may be named after the win).
 */
export type ContractCommandInput =
  WithoutNow<Exclude<ContractCommand, ScheduleHandoverMeeting>> | Omit<ScheduleHandoverMeeting, 'now' | 'triangle'>;
