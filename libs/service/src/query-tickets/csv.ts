/**
 * RFC 4180 text: fields quoted when they hold a comma, quote or line break, quotes doubled,
 * CRLF between records. A field that a spreadsheet would run as a formula (= + - @, tab, CR)
 * is prefixed with `'`, so an exported requirement's title cannot execute in Excel.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
