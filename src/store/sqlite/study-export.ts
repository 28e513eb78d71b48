/**
 * CSV and JSONL for study results (and anything row-shaped). CSV follows RFC 4180 (CRLF, fields
 * quoted when they hold a comma, quote or line break); a text field starting with = + - @ or a tab
 * gets a leading apostrophe so spreadsheets do not run it as a formula. Numbers stay numbers.
 */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One JSON object per line, keys in `columns` order. */
export function toJsonl<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return rows.map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))).join('\n') + (rows.length > 0 ? '\n' : '');
}
