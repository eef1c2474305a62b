export interface TableColumn {
  readonly title: string;
  /** Figures line up on their last digit. */
  readonly alignRight?: boolean;
}

/** A plain-text table for people: a header row, then one row per line, columns padded to their widest cell. */
export function table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.alignRight ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), ...rows.map(line)].join('\n');
}

/** `1234567` → `1,234,567`, for positions that arrive as decimal strings and may pass 2^53. */
export function digits(decimal: string): string {
  return /^\d+$/.test(decimal) ? BigInt(decimal).toLocaleString('en-US') : decimal;
}
