/**
 * Shared plumbing of the domain extractors: a domain supplies a Reader that finds its kind of value
 * (a number, a word, a place, an option) in a stretch of text; these helpers run it over marker spans,
 * emphasised spans and whole lines, and collect "X or Y" alternatives into one group.
 */
import { type CandidateList, LOOSE, STATED, type Tier } from './candidate.js';
import type { Markup } from './markup.js';
import type { Span } from './markers.js';
import { codeAt, isSpaceCode } from '../text-stats.js';

export interface Found {
  value: string;
  start: number;
  end: number;
  alt?: string[];
}

export interface Reader {
  /**
   * The first value in [from, to). strict: only directly after filler words, and plausible.
   * promptValue: the prompt's own value (the scramble, the anchor city) may be the answer — only
   * after an explicit answer marker ("The word is TESR" commits to a wrong answer).
   */
  first(text: string, from: number, to: number, strict: boolean, promptValue?: boolean): Found | null;
  /** The last value in [from, to) ("C is correct": the value before a backward marker). */
  last(text: string, from: number, to: number): Found | null;
}

export const ALTERNATIVE = /^["'`*)\]]*[ \t]*(?:,[ \t]*)?(or|\/|and|,|&)[ \t]*(?:maybe[ \t]+|perhaps[ \t]+|possibly[ \t]+|even[ \t]+|also[ \t]+|else[ \t]+|alternatively[ \t]+)?/i;

/** Reads one marker span into the list: its value and any alternatives offered with it. */
export function readSpan(text: string, span: Span, reader: Reader, list: CandidateList): void {
  readRange(text, span.start, span.end, span.backward, span.strict, span.tier, span.how, span.hedged, reader, list);
}

export function readRange(
  text: string, from: number, to: number, backward: boolean, strict: boolean,
  tier: Tier, how: string, hedged: boolean, reader: Reader, list: CandidateList,
): void {
  // The prompt's own value (the scramble, the anchor) right after an answer marker or a choice
  // ("I'd suggest Lyon", "both Lyon and Bron") is offered as an answer.
  const promptValue = (!strict && how !== 'after-cue') || how === 'choice';
  const found = backward ? reader.last(text, from, to) : reader.first(text, from, to, strict, promptValue);
  if (found === null) return;
  const group = list.newGroup();
  list.add(found.value, tier, found.start, how, hedged, group, found.alt);
  const more = backward ? alternativesBefore(text, from, found, reader) : alternatives(text, found.end, to, reader);
  for (const next of more) list.add(next.value, tier, next.start, how, hedged, group, next.alt);
}

const SEPARATOR_BEFORE = /(?:,[ \t]*(?:or|and)?|or|and|\/|&)[ \t]*["'`*(]*$/i;

/** Values offered before one read backwards: "Both Sarajevo and Čačak seem to fit". */
function alternativesBefore(text: string, from: number, found: Found, reader: Reader): Found[] {
  const out: Found[] = [];
  let start = found.start;
  for (let n = 0; n < 12; n++) {
    const sep = SEPARATOR_BEFORE.exec(text.slice(Math.max(from, start - 40), start));
    if (sep === null) break;
    const sepStart = start - sep[0].length;
    const prev = reader.last(text, from, sepStart);
    if (prev === null || !/^["'`*)\s]*$/.test(text.slice(prev.end, sepStart))) break;
    out.push(prev);
    start = prev.start;
  }
  return out;
}

/**
 * Values offered beside one just read: "4005 or 4015", "silent, listen", "B and D". After "or",
 * "/" or a comma any value counts; after "and" only a plausible one (strict reading), so "silent
 * and easy" is one answer. The next value must follow the separator directly (quotes aside).
 */
export function alternatives(text: string, from: number, to: number, reader: Reader): Found[] {
  const out: Found[] = [];
  let at = from;
  for (let n = 0; n < 12; n++) {
    const limit = Math.min(to, at + 40);
    if (!mayStartSeparator(text, at, limit)) break;
    const sep = ALTERNATIVE.exec(text.slice(at, limit));
    if (sep === null || sep[0].length === 0) break;
    const begin = at + sep[0].length;
    const conj = (sep[1] as string).toLowerCase();
    const next = reader.first(text, begin, to, conj === 'and' || conj === '&');
    if (next === null || next.start > begin + 2) break;
    out.push(next);
    at = next.end;
  }
  return out;
}

/**
 * Whether ALTERNATIVE can match text[at, limit): after closing quotes or emphasis and spaces, the
 * next character must start "or", "/", "and", "," or "&". A cheap look that skips the regex (and
 * the slice) after most values, which nothing follows.
 */
export function mayStartSeparator(text: string, at: number, limit: number): boolean {
  let i = at;
  while (i < limit && CLOSERS.has(codeAt(text, i))) i++;
  while (i < limit && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
  return i < limit && SEPARATOR_STARTS.has(codeAt(text, i));
}
/** `"` `'` `` ` `` `*` `)` `]` */
const CLOSERS = new Set([34, 39, 96, 42, 41, 93]);
/** `,` `o` `O` `/` `a` `A` `&` */
const SEPARATOR_STARTS = new Set([44, 111, 79, 47, 97, 65, 38]);

const LEAD_ONLY = /^[\s"'`*(]*$/;
/** "Sure! …", "Okay, …": a polite opener before a bare answer. */
export const POLITE_OPENER = /^[\s"'`*(]*(?:(?:sure|ok(?:ay)?|of course|certainly|absolutely|yes|yep|alright|got it|easy|great|oh|hmm+|well|so|here you go|here it is|done)\b[!,.:\s]*)?/i;
/** What may follow a bare answer: punctuation, emphasis markers, and one parenthetical remark. */
const BARE_TAIL = /^[\s.!*)"'`]*(?:\([^)]*\)[\s.!*"'`]*)?$/;

/** `"` `'` `` ` `` `*` `(`, which may come before an opener (besides spaces). */
const OPENER_LEAD = new Set([34, 39, 96, 42, 40]);
/** First letters of the opener words, both cases: s o c a y g e h w d. */
const OPENER_STARTS = new Set([...'socaygehwd'].flatMap((c) => [c.charCodeAt(0), c.toUpperCase().charCodeAt(0)]));

/**
 * Length of POLITE_OPENER's match at text[from, to). It always matches the leading quotes and
 * spaces; the regex is needed only when a letter that can start an opener word follows them.
 */
export function openerLength(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (isSpaceCode(codeAt(text, i)) || OPENER_LEAD.has(codeAt(text, i)))) i++;
  if (i >= to || !OPENER_STARTS.has(codeAt(text, i))) return i - from;
  return (POLITE_OPENER.exec(text.slice(from, to)) as RegExpExecArray)[0].length;
}

/**
 * A line that is nothing but an answer (or "X or Y"), after an optional polite opener and before
 * an optional parenthetical remark: "4005", "Sure! Smuggler.", "Cows (not all letters fit).",
 * "D or A". Returns the values, or null when the line says more than that.
 */
export function readBareLine(text: string, line: Line, reader: Reader, strict: boolean, tail = BARE_TAIL): Found[] | null {
  const from = line.body + openerLength(text, line.body, line.end);
  const first = reader.first(text, from, line.end, strict);
  // LEAD_ONLY and the tails match an empty stretch: only a non-empty one is tested.
  if (first === null || (first.start > from && !LEAD_ONLY.test(text.slice(from, first.start)))) return null;
  const all = [first, ...alternatives(text, first.end, line.end, reader)];
  const last = all[all.length - 1] as Found;
  return last.end >= line.end ? (matchesEmpty(tail) ? all : null) : tail.test(text.slice(last.end, line.end)) ? all : null;
}

/**
 * Emphasised values (**bold**, `code`, "quoted" when `quoted`): STATED when they offer one
 * distinct value, LOOSE when several (an analysis with bold headings offers nothing in particular).
 */
export function readEmphasis(
  text: string, markup: Markup, reader: Reader, list: CandidateList, key: (v: string) => string, quoted: boolean, promptValue = false,
): void {
  const found: Found[] = [];
  for (const e of markup.emphasis) {
    if (e.kind === 'boxed' || (e.kind === 'quoted' && !quoted)) continue;
    const f = reader.first(text, e.start, e.end, false, promptValue);
    if (f !== null) found.push(f);
  }
  if (found.length === 0) return;
  const distinct = new Set(found.map((f) => key(f.value))).size;
  const tier = distinct === 1 ? STATED : LOOSE;
  for (const f of found) list.add(f.value, tier, f.start, 'emphasis', false, list.newGroup(), f.alt);
}

/** \boxed{…} values: FINAL. */
export function readBoxed(text: string, markup: Markup, reader: Reader, list: CandidateList): void {
  for (const e of markup.emphasis) {
    if (e.kind === 'boxed') readRange(text, e.start, e.end, false, false, 2, 'boxed', false, reader, list);
  }
}

export const BULLET = /^[ \t]*(?:[-*•+]|\d{1,2}[.)]|\(?[ivx]{1,4}\))[ \t]+/;

export interface Line {
  start: number;
  end: number;
  /** Start after any list bullet. */
  body: number;
  bullet: boolean;
}

/** Whether a line can start with a BULLET: its first character after spaces is - * • + a digit ( i v x. */
export function mayBeBullet(line: string): boolean {
  let i = 0;
  while (i < line.length && (codeAt(line, i) === 32 || codeAt(line, i) === 9)) i++;
  return i < line.length && BULLET_STARTS.has(codeAt(line, i));
}
const BULLET_STARTS = new Set([...'-*•+0123456789(ivx'].map((c) => c.charCodeAt(0)));

/** The non-blank lines of a text, with their list bullets recognised. */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!blankBetween(text, start, end)) {
      const b = mayBeBulletAt(text, start, end) ? BULLET.exec(text.slice(start, end)) : null;
      out.push({ start, end, body: start + (b ? b[0].length : 0), bullet: b !== null });
    }
    start = end + 1;
  }
  return out;
}

/** Whether text[from, to) is empty or all whitespace (`text.slice(from, to).trim() === ''`, without the slice). */
export function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(codeAt(text, i))) return false;
  return true;
}

/** mayBeBullet(text.slice(from, to)). */
function mayBeBulletAt(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
  return i < to && BULLET_STARTS.has(codeAt(text, i));
}

const LETTER = /\p{L}/u;

/** `whole` when the response is one line and nothing but punctuation precedes the value; else `bare-line`. */
export function bareHow(text: string, line: Line, valueStart: number, lineCount: number): string {
  return lineCount === 1 && (valueStart <= line.body || !LETTER.test(text.slice(line.body, valueStart))) ? 'whole' : 'bare-line';
}

const emptyMatch = new Map<RegExp, boolean>();

/** Whether a (non-global) regex matches the empty string, worked out once per regex. */
function matchesEmpty(re: RegExp): boolean {
  let yes = emptyMatch.get(re);
  if (yes === undefined) {
    yes = re.test('');
    emptyMatch.set(re, yes);
  }
  return yes;
}
