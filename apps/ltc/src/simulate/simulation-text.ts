import { table } from '../cli/table.js';

/** The answer of POST /simulations, as far as the table needs it. */
export interface SimulationAnswer {
  readonly kind: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly scope: string | null;
  readonly policy: 'proposed' | 'recorded';
  readonly eventsRead: number;
  readonly sections: readonly {
    readonly title: string;
    readonly unit: string;
    readonly rows: readonly { key: string; actual: number; simulated: number; difference: number }[];
  }[];
  readonly assumptions: readonly string[];
}

/** The comparison for people: a heading, a table per measure, then what the replay assumed. */
export function simulationText(answer: SimulationAnswer): string {
  const under = answer.policy === 'proposed' ? 'the proposed policy' : 'the policies recorded at the time (control)';
  const scope = answer.scope === null ? '' : `, scope ${answer.scope}`;
  const lines = [
    `${answer.kind}: ${answer.period.from} – ${answer.period.to}${scope}, under ${under}; ${answer.eventsRead.toLocaleString('en-US')} events replayed`,
  ];
  for (const section of answer.sections) {
    lines.push('', `${section.title} (${section.unit})`);
    if (section.rows.length === 0) {
      lines.push('  (none)');
      continue;
    }
    const rows = section.rows.map((row) => [
      row.key,
      figure(row.actual),
      figure(row.simulated),
      signed(row.difference),
    ]);
    const columns = [
      { title: '' },
      { title: 'actual', alignRight: true },
      { title: 'simulated', alignRight: true },
      { title: 'difference', alignRight: true },
    ];
    lines.push(
      table(columns, rows)
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  }
  lines.push('', 'Assumptions:', ...answer.assumptions.map((assumption) => `  - ${assumption}`));
  return lines.join('\n');
}

const figure = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
const signed = (value: number): string => (value > 0 ? `+${figure(value)}` : value === 0 ? '0' : figure(value));
