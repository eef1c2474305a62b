import { InvalidInputError } from '#ltc/kernel';
import {
  AROUND_THE_CLOCK,
  businessCalendarOf,
  slaPolicySnapshot,
  type ResolvedCalendar,
  type ServiceCalendarConfig,
  type SlaPolicyDefinition,
} from '../domain/config/index.js';
import type { SlaPolicySnapshot } from '../domain/service-vocabulary.js';

/** The tenant's calendars as the log had them so far: the version of each in force at this point of the replay. */
export class CalendarVersions {
  private readonly latest = new Map<string, ServiceCalendarConfig>();

  record(calendar: ServiceCalendarConfig): void {
    this.latest.set(calendar.calendarId, calendar);
  }

  get(calendarId: string): ResolvedCalendar | null {
    const config = this.latest.get(calendarId);
    return config === undefined ? null : { calendarVersion: config.version, calendar: businessCalendarOf(config) };
  }
}

/**
 * The snapshot a ticket would have been accepted with under the proposal: the proposal's rules
 * under the recorded policy's id and version. The calendar stays the one the ticket recorded
 * while the proposal names the same calendar id; another id is taken at its version in force
 * when the ticket was accepted (as acceptance would have resolved it); null is around the clock.
 */
export function proposedSnapshot(
  proposal: SlaPolicyDefinition,
  recorded: SlaPolicySnapshot,
  calendars: CalendarVersions,
  ticketId: string,
): SlaPolicySnapshot {
  const config = { ...proposal, policyId: recorded.policyId, version: recorded.version };
  return slaPolicySnapshot(config, calendarOf(proposal.calendarId, recorded, calendars, ticketId));
}

function calendarOf(
  calendarId: string | null,
  recorded: SlaPolicySnapshot,
  calendars: CalendarVersions,
  ticketId: string,
): ResolvedCalendar {
  if (calendarId === recorded.calendarId) {
    return { calendarVersion: recorded.calendarVersion, calendar: recorded.calendar };
  }
  if (calendarId === null) return AROUND_THE_CLOCK;
  const resolved = calendars.get(calendarId);
  if (resolved === null) {
    throw new InvalidInputError(
      'policy.calendarId',
      'knownCalendar',
      `calendar ${calendarId} did not exist when ticket ${ticketId} was accepted`,
    );
  }
  return resolved;
}
