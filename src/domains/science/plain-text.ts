/**
 * Dataset text is untrusted and kept as plain strings: nothing here interprets it. Cleaning only
 * makes layout uniform: CRLF/CR become LF, control characters other than LF and tab are dropped
 * (one ARC question carries a stray \x02), runs of spaces and tabs become one space, and each line
 * and the whole text are trimmed.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x1f\x7f]| {2}|^\s|\s$/.test(text)) return text; // already clean (most fields)
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** Case- and whitespace-insensitive form used for deduplication and answer matching. */
export function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
