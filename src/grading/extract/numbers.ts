/**
 * Addition: the sum as digits. Numbers may carry thousands separators (4,005 · 4 005 · 4'005 ·
 * 4_005), LaTeX grouping (4{,}005, normalised earlier), a sign, decimals or scientific notation
 * (kept, so a wrong form is graded wrong rather than misread); number words are read when they
 * are the whole answer or follow a marker ("four thousand and five", see number-words.ts).
 *
 * The addends are never answers (they are the prompt's own numbers). A number found only in passing
 * (LOOSE) must be plausible: at least as many digits as the longer addend, minus one.
 */
import type { Item } from '../../core/item.js';
import { CandidateList, type Candidate, LOOSE, STATED } from './candidate.js';
import { markerFinder } from './markers.js';
import { perItem } from './per-item.js';
import { scanMarkup } from './markup.js';
import { NUMBER_WORDS, parseNumberWords } from './number-words.js';
import { bareHow, type Found, type Line, linesOf, readBareLine, readBoxed, readEmphasis, readRange, readSpan, type Reader } from './read-spans.js';
import { codeAt } from '../text-stats.js';

const NUMBER =
  /(?<![\p{L}\p{N}.,_'])[-−+]?(?:\d{1,3}(?:(?:,|[ '_])\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:\s*[×x*·]\s*10\s*\^\s*\{?\s*[-−]?\d+\}?|[eE][-+]?\d+)?(?![\p{L}\p{N}])/gu;
const FILLER =
  /^(?:[\s:=*"'`(~≈$]|about|around|approximately|roughly|exactly|precisely|just|simply|equal to|a total of|the|sum|total|answer|result|number|is|be|it's|it|that|which|of|would|will|should|actually|definitely|indeed|then)*$/i;
const MARKERS = markerFinder(['answer', 'sum', 'total', 'result', 'solution', 'output']);
const WORDS_END = /^(?:\s*$|\s*[.,!?;:)*"'])/;

const ALL_DIGITS = /^\d+$/;

const keys = new Map<string, string>();

/** The digits of a number (separators and leading zeros dropped), kept per value: the same numbers recur. */
export function digitsKey(value: string): string {
  let key = keys.get(value);
  if (key === undefined) {
    if (keys.size >= 4096) keys.clear();
    key = computeDigitsKey(value);
    keys.set(value, key);
  }
  return key;
}

function computeDigitsKey(value: string): string {
  if (ALL_DIGITS.test(value)) return value.charCodeAt(0) === 48 ? value.replace(/^0+(?=\d)/, '') : value;
  const d = value.replace(/[,\s_'+]/g, '');
  return /^\d+$/.test(d) ? d.replace(/^0+(?=\d)/, '') : value.trim();
}

interface AdditionContext {
  addends: Set<string>;
  minDigits: number;
  /** plausible()'s answers for this item, by value (answers recur across responses). */
  plausibleValues: Map<string, boolean>;
}

function buildContext(item: Item | undefined): AdditionContext {
  const input = item?.input ?? {};
  const addends = [input['a'], input['b']].filter((v): v is string => typeof v === 'string' && v.length > 0).map(digitsKey);
  const longest = Math.max(0, ...addends.map((a) => a.length));
  return { addends: new Set(addends), minDigits: Math.max(1, longest - 1), plausibleValues: new Map() };
}

function isAddend(value: string, ctx: AdditionContext): boolean {
  return ctx.addends.has(digitsKey(value));
}

function plausible(value: string, ctx: AdditionContext): boolean {
  if (value.length < ctx.minDigits) return false;
  let yes = ctx.plausibleValues.get(value);
  if (yes === undefined) {
    if (ctx.plausibleValues.size >= 1024) ctx.plausibleValues.clear();
    yes = countsAsPlausible(value, ctx);
    ctx.plausibleValues.set(value, yes);
  }
  return yes;
}

function countsAsPlausible(value: string, ctx: AdditionContext): boolean {
  let digits = 0;
  for (let i = 0, len = value.length; i < len; i++) {
    const c = codeAt(value, i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 101 || c === 69 || c === 215 || c === 120 || c === 42) return true; // e E × x *
  }
  return digits >= ctx.minDigits;
}

interface NumberToken extends Found {
  addend: boolean;
}

type NumberReader = Reader & { tokens(text: string): NumberToken[] };

function numberReader(ctx: AdditionContext): NumberReader {
  let scanned: string | undefined;
  let list: NumberToken[] = [];
  /** Every number token of the text, scanned once per text (reading is synchronous). */
  const tokens = (text: string): NumberToken[] => {
    if (text === scanned) return list;
    scanned = text;
    list = [];
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
      const value = m[0].trim();
      list.push({ value, start: m.index, end: m.index + m[0].length, addend: isAddend(value, ctx) });
    }
    return list;
  };
  const clip = (text: string, t: NumberToken, to: number): Found =>
    t.end <= to ? t : { value: text.slice(t.start, to).trim(), start: t.start, end: to };
  const firstNumber = (text: string, from: number, to: number): Found | null => {
    for (const t of tokens(text)) {
      if (t.start >= to) break;
      if (t.start >= from && !t.addend) return clip(text, t, to);
    }
    return null;
  };
  /** Number words count only as the whole value: after filler words, before punctuation or the end. */
  const words = (text: string, from: number, to: number): Found | null => {
    if (!wordsPossible) return null;
    NUMBER_WORDS.lastIndex = from;
    const m = NUMBER_WORDS.exec(text);
    if (m === null || m.index >= to) return null;
    const end = m.index + m[0].length;
    if ((m.index > from && !FILLER.test(text.slice(from, m.index))) || !WORDS_END.test(text.slice(end, Math.min(to, end + 3)))) return null;
    const value = parseNumberWords(m[0]);
    return value === null ? null : { value, start: m.index, end };
  };
  return {
    first(text, from, to, strict) {
      const found = firstNumber(text, from, to);
      const worded = words(text, from, to);
      const pick = worded !== null && (found === null || worded.start < found.start) ? worded : found;
      if (pick === null) return null;
      // FILLER matches an empty stretch (the value right at `from`) without running.
      if (strict && pick.start > from && !FILLER.test(text.slice(from, pick.start))) return null;
      return pick;
    },
    last(text, from, to) {
      let found: NumberToken | null = null;
      for (const t of tokens(text)) {
        if (t.start >= to) break;
        if (t.start >= from && !t.addend) found = t;
      }
      return found === null ? null : clip(text, found, to);
    },
    tokens,
  };
}

const contextOf = perItem((item): { ctx: AdditionContext; reader: NumberReader } => {
  const ctx = buildContext(item);
  return { ctx, reader: numberReader(ctx) };
});

/** Whether the text being read has any number word (set per text; reading is synchronous). */
let wordsPossible = false;
const ANY_NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b/i;

function allPlausible(found: readonly Found[], ctx: AdditionContext): boolean {
  for (const f of found) if (!plausible(f.value, ctx)) return false;
  return true;
}

export function extractNumbers(text: string, item: Item | undefined, completion: boolean): Candidate[] {
  const { ctx, reader } = contextOf(item);
  wordsPossible = ANY_NUMBER_WORD.test(text);
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  readEmphasis(t, markup, reader, list, digitsKey, false);
  const lines = linesOf(t);
  const equation = t.includes('=');
  let bareGroup = -1;
  let previousBare = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const bare = readBareLine(t, line, reader, true);
    const isBare = bare !== null && allPlausible(bare, ctx);
    if (completion && i === 0) {
      const first = reader.first(t, line.body, line.end, true);
      if (first !== null && (bare !== null || plausible(first.value, ctx))) readRange(t, line.body, line.end, false, true, STATED, 'after-cue', false, reader, list);
    }
    const eq = equation ? t.lastIndexOf('=', line.end - 1) : -1;
    if (eq >= line.body) {
      const f = reader.first(t, eq + 1, line.end, true);
      if (f !== null && plausible(f.value, ctx)) list.add(f.value, STATED, f.start, 'equation');
    }
    if (isBare && bare !== null) {
      if (!previousBare) bareGroup = list.newGroup();
      for (const f of bare) list.add(f.value, STATED, f.start, bareHow(t, line, f.start, lines.length), false, bareGroup);
    }
    previousBare = isBare;
  }
  for (const tok of reader.tokens(t)) if (!tok.addend && plausible(tok.value, ctx)) list.add(tok.value, LOOSE, tok.start, 'in-passing');
  return list.items;
}
