/**
 * Science: one of four options, as a letter or as the option's text. Read after markers ("The
 * answer is B", "Answer: (B)", "I'd go with B", "B is correct"), from bold or code ("**B.
 * photosynthesis**"), from a line that is only an option ("B) photosynthesis", "(B)", the option
 * text alone), and in passing ("(B)", "option B", or an option's text). A letter followed by an
 * option's text becomes "B. <text>" so the domain check can catch a letter that contradicts its
 * text. Several lines each starting with an option label are an analysis of the options, not an
 * answer: they count only in passing.
 */
import type { Item } from '../../core/item.js';
import { CandidateList, type Candidate, LOOSE, STATED } from './candidate.js';
import { markerFinder } from './markers.js';
import { perItem } from './per-item.js';
import { scanMarkup } from './markup.js';
import { bareHow, type Found, type Line, linesOf, readBareLine, readBoxed, readEmphasis, readRange, readSpan, type Reader } from './read-spans.js';
import { matchesOf } from '../regex-scan.js';
import { codeAt, isSpaceCode } from '../text-stats.js';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const LETTER_AT = /^\(?([A-HJ])\)?(?![\p{L}\p{N}'’])|^\(([a-d])\)|^([a-d])(?=[).:](?:\s|$))|^([a-d])(?=\s*$)/u;
const LETTER_ANY =
  /\(([A-Da-d])\)|\b(?:[Oo]ption|[Cc]hoice|[Ll]etter|[Aa]nswer)\s+\(?([A-D])\b\)?|(?<![\p{L}\p{N}'’])([A-D])(?=[.):](?:\s|$))|(?<![\p{L}\p{N}'’(])([B-D])(?![\p{L}\p{N}'’])|(?<![\p{L}\p{N}'’(])(A)(?=\s*(?:[.,;:!?)]|$))/gu;
/** "A" followed by a lower-case word is the article ("A plant needs …"), unless the word is a link word. */
const ARTICLE_A = /^A\s+(?!(?:because|is|as|since|for|and|or|which|it|this|that|with|was|would|seems|since|here)\b)[a-z]/;

function letterOf(m: RegExpExecArray): string {
  return (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) as string;
}
const LOOSE_LETTER = /\(([A-D])\)|\b(?:[Oo]ption|[Cc]hoice|[Ll]etter)\s+\(?([A-D])\b/gu;
const FILLER = /^(?:[\s:=*"'`(\-–—]|the|a|an|correct|right|best|answer|option|choice|letter|is|it's|it|that|which|one|be|would|probably|likely|definitely|clearly|most|number|with|go|i'd|i|will|pick|choose|select|say)*$/i;
const MARKERS = markerFinder(['answer', 'option', 'choice', 'letter', 'correct one', 'right one', 'pick', 'selection', 'response']);
/** Exported for the fast-path tests (with isOptionLabel). */
export const OPTION_LABEL = /^[ \t]*\(?[A-H][.):][ \t]/;
/** Answers that name no single option: a committed answer all the same (graded incorrect). */
const NONE_ALL = /^(?:none|all|neither|both) of (?:the )?(?:above|options|choices|answers|these|them)\b/i;
const NONE_ALL_ANY = new RegExp(NONE_ALL.source.slice(1), 'i');
/** "both B and D", "either A or C", "options A and B": several options offered together. */
const SEVERAL = /\b(?:both|either)\s+(?:options?\s+|choices?\s+)?(?=\(?[A-D]\b)|\b(?:options|choices)\s+(?=\(?[A-D]\b)/gi;

export interface ScienceContext {
  options: string[];
  folded: string[];
  /** optionKey's answers for this item, by value (the same few values recur in every response). */
  keys: Map<string, string>;
  /** First characters of the folded options, and the longest folded option's length. */
  starts: Set<number>;
  longest: number;
}

const contextOf = perItem((item): { ctx: ScienceContext; reader: Reader } => {
  const ctx = buildContext(item);
  return { ctx, reader: optionReader(ctx) };
});

export function buildContext(item: Item | undefined): ScienceContext {
  const options = (item?.gold as { options?: string[] } | undefined)?.options ?? [];
  const folded = options.map((o) => o.replace(/\s+/g, ' ').trim().toLowerCase());
  const starts = new Set(folded.filter((o) => o.length > 0).map((o) => o.charCodeAt(0)));
  return { options, folded, keys: new Map(), starts, longest: Math.max(0, ...folded.map((o) => o.length)) };
}

/** The canonical key of an answer: its letter when it names an option, else its folded text. */
export function optionKey(value: string, ctx: ScienceContext): string {
  let key = ctx.keys.get(value);
  if (key === undefined) {
    if (ctx.keys.size >= 1024) ctx.keys.clear();
    key = computeOptionKey(value, ctx);
    ctx.keys.set(value, key);
  }
  return key;
}

function computeOptionKey(value: string, ctx: ScienceContext): string {
  const m = /^\(?([A-Da-d])\)?(?:[.):]|$)/.exec(value.trim());
  if (m) return (m[1] as string).toUpperCase();
  const i = ctx.folded.indexOf(value.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\.$/, ''));
  return i >= 0 ? (LETTERS[i] as string) : value.trim().toLowerCase();
}

/** The longest option text that `lower` starts with (at a word boundary), as [index, length]. */
function optionAt(lower: string, ctx: ScienceContext): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 0; i < ctx.folded.length; i++) {
    const o = ctx.folded[i] as string;
    if (o.length === 0 || !lower.startsWith(o)) continue;
    if (VISIBLE_U.test(lower[o.length] ?? '')) continue;
    if (best === null || o.length > best[1]) best = [i, o.length];
  }
  return best;
}

const VISIBLE_U = /[\p{L}\p{N}]/u;

/**
 * optionAt(text.toLowerCase(), ctx) for a text that may be long: only its start can be an option,
 * so only that much is lower-cased, and nothing when its first character starts no option. (Lower
 * case is per character except for a final sigma, so a start without "Σ" lower-cases to the start
 * of the lower-cased text; it is never shorter.)
 */
function optionAtStart(text: string, ctx: ScienceContext): [number, number] | null {
  if (text.length === 0) return null;
  const c = text.charCodeAt(0);
  if (c < 128 && !ctx.starts.has(c >= 65 && c <= 90 ? c + 32 : c)) return null;
  const head = text.length > ctx.longest + 1 ? text.slice(0, ctx.longest + 1) : text;
  return optionAt(head !== text && head.includes('Σ') ? text.toLowerCase() : head.toLowerCase(), ctx);
}

/** LETTER_AT can only match after "(", A–H, J or a–d. */
function mayBeLetter(c: number): boolean {
  return c === 40 || (c >= 65 && c <= 72) || c === 74 || (c >= 97 && c <= 100);
}

/** NONE_ALL can only match after n, a or b (either case). */
function mayBeNoneAll(c: number): boolean {
  return c === 110 || c === 78 || c === 97 || c === 65 || c === 98 || c === 66;
}

/** The first position from `from` on that is not whitespace (`\s`), or the text's length. */
export function wordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(codeAt(text, i))) i++;
  return i;
}

/** Where the run of non-space characters at `start` ends (it may run past any range being read). */
export function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isSpaceCode(codeAt(text, i))) i++;
  return i;
}

/**
 * `OPTION_LABEL.test(text.slice(start, end))`: the regex runs only when, after spaces and tabs,
 * the line starts with "(" or A–H, as a label must.
 */
export function isOptionLabel(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (codeAt(text, i) === 32 || codeAt(text, i) === 9)) i++;
  if (i >= end) return false;
  const c = codeAt(text, i);
  return (c === 40 || (c >= 65 && c <= 72)) && OPTION_LABEL.test(text.slice(start, end));
}

/** `.` `)` `:` or whitespace: what the letter's separator (`/^[.):\s]+/`) is made of. */
function isSeparator(c: number): boolean {
  return c === 46 || c === 41 || c === 58 || isSpaceCode(c);
}

function optionReader(ctx: ScienceContext): Reader {
  /** A value right at `at`: a letter (with its option text when that follows) or an option's text. */
  const at = (text: string, pos: number, to: number): Found | null => {
    if (pos >= to) return null;
    const rest = text.slice(pos, to);
    const c = rest.charCodeAt(0);
    const m = mayBeLetter(c) ? LETTER_AT.exec(rest) : null;
    if (m && (c !== 65 || !ARTICLE_A.test(rest))) {
      const letter = ((m[1] ?? m[2] ?? m[3] ?? m[4]) as string).toUpperCase();
      const tail = rest.slice(m[0].length);
      const after = tail.length > 0 && isSeparator(tail.charCodeAt(0)) ? tail.replace(/^[.):\s]+/, '') : tail;
      const skipped = rest.length - m[0].length - after.length;
      const o = optionAtStart(after, ctx);
      if (o !== null) {
        const end = pos + m[0].length + skipped + o[1];
        return { value: `${letter}. ${ctx.options[o[0]] as string}`, start: pos, end };
      }
      return { value: letter, start: pos, end: pos + m[0].length };
    }
    const o = optionAtStart(rest, ctx);
    if (o !== null) return { value: ctx.options[o[0]] as string, start: pos, end: pos + o[1] };
    const none = mayBeNoneAll(c) ? NONE_ALL.exec(rest) : null;
    return none === null ? null : { value: none[0].toLowerCase(), start: pos, end: pos + none[0].length };
  };
  return {
    first(text, from, to, strict) {
      // The words (runs of non-space characters, as `/[^\s]+/g` finds them) that start before `to`.
      for (let start = wordStart(text, from); start < to; start = wordStart(text, wordEnd(text, start))) {
        const c = codeAt(text, start);
        const f = at(text, start, to) ?? (c === 40 || c === 34 ? at(text, start + 1, to) : null);
        if (f !== null) return f;
        if (!FILLER.test(text.slice(from, wordEnd(text, start)))) break;
      }
      if (strict) return null;
      LETTER_ANY.lastIndex = from;
      const l = LETTER_ANY.exec(text);
      const mention = mentions(text, from, to, ctx)[0];
      if (l !== null && l.index < to && (mention === undefined || l.index <= mention.start)) {
        const letter = letterOf(l);
        const pos = l.index + l[0].lastIndexOf(letter);
        return at(text, pos, to) ?? { value: letter.toUpperCase(), start: l.index, end: l.index + l[0].length };
      }
      return mention ?? null;
    },
    last(text, from, to) {
      let best: Found | null = null;
      LETTER_ANY.lastIndex = from;
      for (let l = LETTER_ANY.exec(text); l !== null && l.index < to; l = LETTER_ANY.exec(text)) {
        best = { value: letterOf(l).toUpperCase(), start: l.index, end: l.index + l[0].length };
      }
      const m = mentions(text, from, to, ctx);
      const lastMention = m[m.length - 1];
      if (lastMention !== undefined && (best === null || lastMention.start > best.start)) best = lastMention;
      const none = NONE_ALL_ANY.exec(text.slice(from, to));
      if (none !== null && (best === null || from + none.index > best.start)) best = { value: none[0].toLowerCase(), start: from + none.index, end: from + none.index + none[0].length };
      return best;
    },
  };
}

/** Every option text mentioned in [from, to), in order (options of 3+ characters, word bounded). */
function mentions(text: string, from: number, to: number, ctx: ScienceContext): Found[] {
  const lower = text.slice(from, to).toLowerCase();
  const out: Found[] = [];
  ctx.folded.forEach((o, i) => {
    if (o.length < 3) return;
    for (let k = lower.indexOf(o); k >= 0; k = lower.indexOf(o, k + 1)) {
      const before = lower[k - 1] ?? ' ';
      const after = lower[k + o.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      out.push({ value: ctx.options[i] as string, start: from + k, end: from + k + o.length });
    }
  });
  // A shorter option inside a longer mentioned one ("water" in "salt water") is not a mention.
  const kept = out.filter((a) => !out.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  return kept.sort((a, b) => a.start - b.start);
}

export function extractOptions(text: string, item: Item | undefined, completion: boolean): Candidate[] {
  const { ctx, reader } = contextOf(item);
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  readEmphasis(t, markup, reader, list, (v) => optionKey(v, ctx), false);
  for (const m of matchesOf(SEVERAL, t)) {
    const end = t.indexOf('\n', m.index);
    readRange(t, m.index + m[0].length, end < 0 ? t.length : end, false, true, STATED, 'choice', false, reader, list);
  }
  const lines = linesOf(t);
  let labelled = 0;
  for (const l of lines) if (isOptionLabel(t, l.start, l.end)) labelled++;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (completion && i === 0 && labelled < 2) readRange(t, line.start, line.end, false, true, STATED, 'after-cue', false, reader, list);
    const bare = readBareLine(t, { start: line.start, end: line.end, body: line.start, bullet: line.bullet }, reader, true);
    if (bare === null) continue;
    const isLabel = isOptionLabel(t, line.start, line.end);
    const group = list.newGroup();
    for (const f of bare) list.add(f.value, isLabel && labelled > 1 ? LOOSE : STATED, f.start, bareHow(t, line, f.start, lines.length), false, group);
  }
  LOOSE_LETTER.lastIndex = 0;
  for (let m = LOOSE_LETTER.exec(t); m !== null; m = LOOSE_LETTER.exec(t)) list.add((m[1] ?? m[2]) as string, LOOSE, m.index, 'in-passing');
  for (const f of mentions(t, 0, t.length, ctx)) list.add(f.value, LOOSE, f.start, 'in-passing');
  return list.items;
}

export function scienceContext(item: Item | undefined): ScienceContext {
  return contextOf(item).ctx;
}
