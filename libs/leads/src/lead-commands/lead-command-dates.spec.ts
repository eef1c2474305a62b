import { LEAD_COMMAND_DATE_FIELDS, type DateFieldOf } from './lead-command-dates.js';
import type { LeadCommandInput } from './lead-command.message.js';

describe('Lead command date fields', () => {
  it('are every Date field of a lead command, derived by the compiler', () => {
    expect([...LEAD_COMMAND_DATE_FIELDS].sort()).toEqual(['at', 'expiresAt', 'reactivateOn', 'recycleAt']);
    // @ts-expect-error -- a record that leaves a Date field out does not compile (checked by `npm run typecheck`)
    const partial: Record<DateFieldOf<LeadCommandInput>, true> = { at: true, expiresAt: true, reactivateOn: true };
    expect(Object.keys(partial)).toHaveLength(3);
  });
});
