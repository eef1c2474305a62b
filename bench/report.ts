import { cpus, totalmem } from 'node:os';

/** One line of the result table: a figure of the store next to its same-run baseline. */
export interface ResultRow {
  readonly figure: string;
  readonly variant: string;
  /** Per second (commands or events). */
  readonly value: number;
  readonly baseline?: { readonly value: number; readonly label: string };
  /** The figure the store should reach; rows without one are for reference. */
  readonly goal?: number;
  /** Anything worth reading next to the figure (group-commit batch size, sanity check). */
  readonly note?: string;
}

export function machineLine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown cpu';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${list.length} × ${model}, ${memory} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** The table as Markdown, so it reads in a terminal and pastes into a document. */
export function formatTable(rows: readonly ResultRow[]): string {
  const header = [
    'figure',
    'variant',
    'store /s',
    'baseline /s (same run)',
    'store ÷ base',
    'goal',
    'verdict',
    'notes',
  ];
  const lines = rows.map((row) => [
    row.figure,
    row.variant,
    count(row.value),
    row.baseline ? `${count(row.baseline.value)} ${row.baseline.label}` : '–',
    row.baseline ? `${Math.round((100 * row.value) / row.baseline.value)} %` : '–',
    row.goal === undefined ? '–' : `≥ ${count(row.goal)}`,
    row.goal === undefined ? 'reference' : row.value >= row.goal ? 'PASS' : 'BELOW',
    row.note ?? '',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((cells) => (cells[column] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}

/** 12345.6 → "12,346". */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Progress goes to stderr, so stdout holds only the report. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
