import { InvalidInputError } from '#ltc/kernel';

/** Ids of policies, calendars and groups are slugs (`gold`, `emea_hotline`), stable across versions. */
export const CONFIG_SLUG = /^[a-z][a-z0-9_-]{0,39}$/;

/** A calendar date, `YYYY-MM-DD`. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A year of minutes: no target, OLA or window beyond it is meant (a guard against typos, not a policy). */
export const MAX_MINUTES = 366 * 24 * 60;

/** Refuses input that breaks a rule only the domain knows (HTTP 400 naming the field and rule). */
export const fail = (field: string, rule: string, message: string): never => {
  throw new InvalidInputError(field, rule, message);
};

export const isWholeNumber = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

export const isNonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Whether a real calendar date (not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Values in first-seen order, each once. */
export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Whether two canonical definitions are the same (they are built field by field in one order). */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Events carry who configured a version and when. */
export interface Configured {
  readonly previousVersion: number | null;
  readonly actor: string;
  readonly at: string;
}

/** The state of every configuration aggregate: nothing yet, or the version in force. */
export type ConfigState<Config> =
  { readonly status: 'none' } | { readonly status: 'configured'; readonly config: Config };

export const noConfig = <Config>(): ConfigState<Config> => ({ status: 'none' });

/** The version in force, or null before the first. */
export const currentOf = <Config>(state: ConfigState<Config>): Config | null =>
  state.status === 'configured' ? state.config : null;
