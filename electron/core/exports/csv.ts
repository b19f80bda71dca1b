/**
 * CSV for spreadsheets: RFC 4180 quoting (commas, quotes, line breaks), CRLF line ends, and a
 * UTF-8 byte-order mark so Excel reads Arabic product and cashier names correctly.
 */
export type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would make a spreadsheet evaluate the cell: keep it text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
