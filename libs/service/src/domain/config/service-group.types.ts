import type { Line } from '../service-vocabulary.js';

/** A service group as a service manager writes it: its line, lead, members and (optionally) its own calendar. */
export interface ServiceGroupDefinition {
  readonly name: string;
  readonly line: Line;
  readonly lead: string | null;
  readonly members: readonly string[];
  /** The calendar of its tasks' OLA due times; null: the ticket policy's calendar. */
  readonly calendarId: string | null;
}

export interface ServiceGroupConfig extends ServiceGroupDefinition {
  readonly groupId: string;
  readonly version: number;
}
