/**
 * How an answer is compared with a transforms gold output (documented in docs/domains/transforms.md).
 *
 * Always: a surrounding Markdown code fence (``` or ```lang) is dropped, CRLF/CR become LF, trailing
 * spaces are trimmed on every line, and the whole text is trimmed. Then per output kind:
 * - lines: lines are compared one by one after trimming each; blank lines are ignored; letter case,
 *   punctuation and order must match exactly.
 * - json: both are parsed; values must be structurally equal (array order matters, object key order
 *   does not, 12.5 and 12.50 are the same number, "12" and 12 are not). Unparseable → wrong.
 * - csv: both are parsed as CSV (RFC 4180 quotes allowed and removed); blank lines are ignored; rows
 *   and cells must match in order after trimming each cell.
 */
import type { OutputKind } from './gold.js';

const FENCE = /^```[^\n`]*\n([\s\S]*?)\n?```$/;

export function normaliseAnswer(text: string): string {
  let t = text.replace(/\r\n?/g, '\n').trim();
  const fenced = FENCE.exec(t);
  if (fenced) t = (fenced[1] as string).trim();
  return t
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}

function nonBlankLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Structural equality of parsed JSON values; object key order is ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** RFC 4180-style CSV rows: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === ',') { row.push(cell.trim()); cell = ''; }
    else if (ch === '\n') { row.push(cell.trim()); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  row.push(cell.trim());
  rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function answerMatches(kind: OutputKind, gold: string, answer: string): boolean {
  const a = normaliseAnswer(answer);
  if (kind === 'lines') return sameArray(nonBlankLines(gold), nonBlankLines(a));
  if (kind === 'json') {
    const parsed = parseJson(a);
    return parsed.ok && jsonEqual(JSON.parse(gold), parsed.value);
  }
  const g = parseCsv(gold);
  const r = parseCsv(a);
  return g.length === r.length && g.every((row, i) => sameArray(row, r[i] as string[]));
}
