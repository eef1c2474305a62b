import type { Lead } from '#ltc/leads/domain';
import type { ComparisonRow, ComparisonSection, SimulationOutcome } from '#ltc/platform';
import { DISTRIBUTION_OUTCOMES, type DistributionCase } from './distribution-case.js';
import { firstContactStanding, type ContactStanding } from './first-contact.js';

export interface ComparisonContext {
  readonly to: string;
  readonly team: string;
  readonly responseSeconds: ReadonlyMap<string, readonly number[]>;
  readonly leadOf: (leadId: string) => Lead | undefined;
}

const NO_OWNER = '(none)';

/** The replay's cases as side-by-side measures: outcomes, assignments per rep, waits, speed to lead. */
export function compareDistributions(
  cases: readonly DistributionCase[],
  context: ComparisonContext,
): SimulationOutcome {
  const standings = cases.map((found) => firstContactStanding(found, context));
  return {
    sections: [
      section('distribution_outcomes', 'How each new lead was first distributed', 'leads', [
        ...DISTRIBUTION_OUTCOMES.map((outcome) =>
          row(
            outcome,
            cases.filter((c) => c.actual.outcome === outcome).length,
            cases.filter((c) => c.simulated.outcome === outcome).length,
          ),
        ),
      ]),
      section(
        'assignments_per_rep',
        "Leads per rep (each lead's first owner)",
        'leads',
        tally(
          cases,
          (c) => c.actual.firstOwner ?? NO_OWNER,
          (c) => c.simulated.owner ?? NO_OWNER,
        ),
      ),
      section(
        'routing_waits',
        'Leads that found no rep with room, by reason',
        'leads',
        tally(
          cases.filter((c) => c.actual.waitReason !== null || c.simulated.waitReason !== null),
          (c) => c.actual.waitReason,
          (c) => c.simulated.waitReason,
        ),
      ),
      section('first_contact', 'First contact against the response target', 'leads', standingRows(standings)),
      section(
        'first_contact_share',
        'Share of leads contacted within target (of those whose target passed)',
        'percent',
        [row('within_target', share(standings, 'actual'), share(standings, 'simulated'))],
      ),
    ],
    assumptions: [
      `Only the first distribution of each lead of team ${context.team} in the period is decided again; later reassignments, claims, recycling and closing happen as recorded.`,
      'Where the proposal pools a lead, offers it or leaves it to a manager, the rep who actually took it takes it when they did.',
      'A lead that finds no rep with room waits and is routed again whenever a rep gets room, as routing does.',
      "A lead that goes to the rep who actually got it is first contacted when it was; one that goes to another rep, after that rep's median recorded response time (no recorded response: counted as unknown).",
      'Facts dated at or after the end of the period play no part: the answer stays the same as the log grows.',
    ],
  };
}

const STANDINGS: readonly ContactStanding[] = ['within_target', 'missed_target', 'not_yet_due', 'unknown'];

function standingRows(
  standings: readonly { readonly actual: ContactStanding | null; readonly simulated: ContactStanding | null }[],
): ComparisonRow[] {
  return STANDINGS.map((standing) =>
    row(
      standing,
      standings.filter((s) => s.actual === standing).length,
      standings.filter((s) => s.simulated === standing).length,
    ),
  );
}

/** Within target as a percentage of the leads whose target passed, to one decimal (0 when none did). */
function share(
  standings: readonly { readonly actual: ContactStanding | null; readonly simulated: ContactStanding | null }[],
  side: 'actual' | 'simulated',
): number {
  const within = standings.filter((s) => s[side] === 'within_target').length;
  const decided = within + standings.filter((s) => s[side] === 'missed_target').length;
  return decided === 0 ? 0 : Math.round((within * 1000) / decided) / 10;
}

function tally(
  cases: readonly DistributionCase[],
  actualKey: (found: DistributionCase) => string | null,
  simulatedKey: (found: DistributionCase) => string | null,
): ComparisonRow[] {
  const counts = new Map<string, { actual: number; simulated: number }>();
  const add = (key: string | null, side: 'actual' | 'simulated') => {
    if (key === null) return;
    const entry = counts.get(key) ?? { actual: 0, simulated: 0 };
    entry[side] += 1;
    counts.set(key, entry);
  };
  for (const found of cases) {
    add(actualKey(found), 'actual');
    add(simulatedKey(found), 'simulated');
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, entry]) => row(key, entry.actual, entry.simulated));
}

const row = (key: string, actual: number, simulated: number): ComparisonRow => ({ key, actual, simulated });

const section = (name: string, title: string, unit: string, rows: readonly ComparisonRow[]): ComparisonSection => ({
  name,
  title,
  unit,
  rows,
});
