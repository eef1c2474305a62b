import type { LeadCommandInput } from './lead-command.message.js';

/** The fields of a command type `C` that hold a Date (or null). */
export type DateFieldOf<C> = C extends unknown
  ? { [K in keyof C]-?: NonNullable<C[K]> extends Date ? K : never }[keyof C]
  : never;

/** A record rather than a list, so the compiler refuses a lead command's Date field left out. */
const DATE_FIELDS: Record<DateFieldOf<LeadCommandInput>, true> = {
  at: true,
  expiresAt: true,
  reactivateOn: true,
  recycleAt: true,
};

/** Lead command fields that travel as ISO strings when a process manager or timer stores a command. */
export const LEAD_COMMAND_DATE_FIELDS = Object.keys(DATE_FIELDS) as readonly DateFieldOf<LeadCommandInput>[];
