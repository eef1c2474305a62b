import type { ComparisonRow, ComparisonSection } from '#ltc/platform';
import { LINES, PRIORITIES, type SlaClockName } from '../domain/service-vocabulary.js';
import type { RaisedClocks, TicketSlaResult } from './ticket-sla-replay.js';

type Side = 'actual' | 'simulated';

const ALL = 'all';

const breachedAny = (raised: RaisedClocks): boolean => raised.breached.size > 0;

/** One row per priority, then the period as a whole: a count on each side. */
function perPriority(results: readonly TicketSlaResult[], count: (result: TicketSlaResult, side: Side) => number) {
  const row = (key: string, of: readonly TicketSlaResult[]): ComparisonRow => ({
    key,
    actual: of.reduce((sum, result) => sum + count(result, 'actual'), 0),
    simulated: of.reduce((sum, result) => sum + count(result, 'simulated'), 0),
  });
  return [
    ...PRIORITIES.map((priority) =>
      row(
        priority,
        results.filter((result) => result.priority === priority),
      ),
    ),
    row(ALL, results),
  ];
}

const breaches = (clock: SlaClockName) => (result: TicketSlaResult, side: Side) =>
  result[side].breached.has(clock) ? 1 : 0;

/** Percent with one decimal: what a report shows, and the same on every run. */
const percent = (part: number, whole: number): number => Math.round((1000 * part) / whole) / 10;

/** The share of tickets neither of whose clocks breached; priorities without tickets have no share to show. */
function withinTargetShares(results: readonly TicketSlaResult[]): ComparisonRow[] {
  const groups: [string, readonly TicketSlaResult[]][] = [
    ...PRIORITIES.map((priority): [string, TicketSlaResult[]] => [
      priority,
      results.filter((result) => result.priority === priority),
    ]),
    [ALL, results],
  ];
  return groups
    .filter(([, of]) => of.length > 0)
    .map(([key, of]) => ({
      key,
      actual: percent(of.filter((result) => !breachedAny(result.actual)).length, of.length),
      simulated: percent(of.filter((result) => !breachedAny(result.simulated)).length, of.length),
    }));
}

function breachesPerLine(results: readonly TicketSlaResult[]): ComparisonRow[] {
  return LINES.map((line) => {
    const of = results.filter((result) => result.line === line);
    return {
      key: `line_${String(line)}`,
      actual: of.filter((result) => breachedAny(result.actual)).length,
      simulated: of.filter((result) => breachedAny(result.simulated)).length,
    };
  });
}

/** The comparison of an SLA what-if: each ticket counted under its priority (and line) at the period's end. */
export function slaSections(results: readonly TicketSlaResult[]): ComparisonSection[] {
  return [
    {
      name: 'tickets_per_priority',
      title: 'Tickets accepted in the period, per priority',
      unit: 'tickets',
      rows: perPriority(results, () => 1),
    },
    {
      name: 'response_breaches_per_priority',
      title: 'Tickets whose first response breached its target',
      unit: 'tickets',
      rows: perPriority(results, breaches('response')),
    },
    {
      name: 'resolution_breaches_per_priority',
      title: 'Tickets whose resolution breached its target',
      unit: 'tickets',
      rows: perPriority(results, breaches('resolution')),
    },
    {
      name: 'warnings_per_priority',
      title: 'SLA clocks that reached their warning threshold (response and resolution)',
      unit: 'clocks',
      rows: perPriority(results, (result, side) => result[side].warned.size),
    },
    {
      name: 'within_target_share_per_priority',
      title: 'Share of tickets with neither clock breached',
      unit: 'percent',
      rows: withinTargetShares(results),
    },
    {
      name: 'breaches_per_line',
      title: 'Tickets with a breached clock, per line they were on at the end of the period',
      unit: 'tickets',
      rows: breachesPerLine(results),
    },
  ];
}
