import { definePort } from '../context/port.js';

/** The iron-triangle roles a person can hold in the organisation's records. */
export type DealTeamRole = 'ar' | 'sr' | 'fr';

/** What the organisation knows of one person a deal names. */
export interface PersonRecord {
  /** The triangle roles they hold now (none for a deactivated rep, or a manager who is not a rep). */
  readonly roles: readonly DealTeamRole[];
  /** The sales manager of their team, who a stalled handoff escalates to (null: no team or no manager). */
  readonly salesManager: string | null;
}

/**
 * The organisation's records of people, asked by the opportunities context when a triangle
 * is set (does each person exist and hold the seat's role?) and when a stalled handoff
 * escalates (who is the AR's sales manager?). The organisation context owns reps and teams
 * and provides it from their own streams, so a rep registered a moment ago is known at once.
 */
export interface PeopleDirectory {
  /** The records of those of `personIds` the organisation knows (reps, and team managers); unknown ids are absent. */
  lookup(tenantId: string, personIds: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>>;
}

export const PEOPLE_DIRECTORY = definePort<PeopleDirectory>('PeopleDirectory');
