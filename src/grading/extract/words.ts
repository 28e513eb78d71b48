/**
 * Anagram: one English word. Read after markers ("The word is silent", "Answer: silent"), from
 * **bold**, `code` or "quoted" words, from a line that is only a word, and — in passing — any word
 * whose letters are exactly the scramble's (a word that uses the given letters is surely offered as
 * the answer). Spelled-out letters ("S-I-L-E-N-T", "s i l e n t") are joined. The scramble itself is
 * never an answer (it is the prompt's own text).
 */
import type { Item } from '../../core/item.js';
import { CandidateList, type Candidate, LOOSE, STATED } from './candidate.js';
import { markerFinder } from './markers.js';
import { perItem } from './per-item.js';
import { scanMarkup } from './markup.js';
import { bareHow, type Found, type Line, linesOf, readBareLine, readBoxed, readEmphasis, readRange, readSpan, type Reader } from './read-spans.js';
import { codeAt } from '../text-stats.js';

/** A word, or letters spelled out (exported for the fast-path tests). */
export const WORD = /(?<![A-Za-z])[A-Za-z](?:[ -][A-Za-z]){2,}(?![A-Za-z])|[\p{L}][\p{L}'’-]*/gu;
const SPELLED = /^[A-Za-z](?:[ -][A-Za-z])+$/;
const FILLERS = new Set(
  ('the a an word words answer solution anagram is it it\'s its that this probably likely maybe perhaps just simply actually definitely ' +
    'clearly obviously unscrambled unscrambling correct right english be would should could might called spelled spell spells form forms ' +
    'make makes made becomes letters letter can you i think believe guess of course rearranged rearrange rearranging rearranges to into ' +
    'from given these those them they are was were valid real single only one possible option options scrambled jumbled here my ' +
    'final result which gives get got reads read so then well hmm yes sure okay ok must certainly absolutely hello hi hey thanks ' +
    'thank great sorry alright interesting oops wait note explanation step let me see try unscramble solve solved done there either').split(' '),
);
const MARKERS = markerFinder(['answer', 'word', 'solution', 'anagram', 'result', 'unscrambled word', 'unscrambled', 'correct word']);
/** A continuation that starts with one word and punctuation or the end of the line. */
const AFTER_CUE = /^[\s"'`*]*([A-Za-z]+)["'`*]*(?=\s*(?:[.!?,;)]|$))/;
const PLAIN_WORD = /^[a-z]+$/i;
/** Words after a marker that show the sentence is not naming the answer ("which is on the hard side"). */
const NOT_ANSWERS = new Set('on in at by for with not no hard easy tricky difficult tough simple long short quite rather really very too'.split(' '));

export function wordKey(value: string): string {
  const lower = value.toLowerCase();
  // Most values are already a plain lower-case word: nothing to drop.
  for (let i = 0, len = lower.length; i < len; i++) {
    const c = codeAt(lower, i);
    if (c < 97 || c > 122) return lower.replace(NOT_LOWER_LETTER, '');
  }
  return lower;
}

const NOT_LOWER_LETTER = /[^a-z]/g;

/** Letter counts a–z of a word (other characters ignored), in a reused array; returns the letter total. */
const COUNTS = new Int32Array(26);

function countLetters(word: string, into: Int32Array): number {
  into.fill(0);
  let n = 0;
  for (let i = 0, len = word.length; i < len; i++) {
    let c = codeAt(word, i);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      (into[c - 97] as number)++;
      n++;
    }
  }
  return n;
}

interface AnagramContext {
  scramble: string;
  counts: Int32Array;
  /** Number of letters; 0 when the item is unknown. */
  size: number;
}

function buildContext(item: Item | undefined): AnagramContext {
  const letters = item?.input['letters'] ?? (item?.gold as { word?: string } | undefined)?.word ?? '';
  const counts = new Int32Array(26);
  return { scramble: wordKey(letters), counts, size: countLetters(letters, counts) };
}

/** Whether a word uses exactly the scramble's letters (and is not the scramble itself). */
function isPermutation(word: string, ctx: AnagramContext): boolean {
  if (ctx.size === 0 || word.length < ctx.size || word.length > ctx.size + 2) return false;
  if (countLetters(word, COUNTS) !== ctx.size) return false;
  for (let i = 0; i < 26; i++) if (COUNTS[i] !== ctx.counts[i]) return false;
  return wordKey(word) !== ctx.scramble;
}


function valueOf(token: string): string {
  if ((token.includes(' ') || token.includes('-')) && SPELLED.test(token)) return token.replace(/[ -]/g, '');
  // EDGE: a quote or hyphen first or last.
  return isEdge(codeAt(token, 0)) || isEdge(codeAt(token, token.length - 1)) ? token.replace(/^['’-]+|['’-]+$/g, '') : token;
}

/** `'` `’` `-`. */
function isEdge(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45;
}

export interface Token {
  /** The matched text (before valueOf). */
  raw: string;
  start: number;
}

let tokenText: string | undefined;
let tokenList: Token[] = [];

/** Every WORD match of a text, scanned once per text (reading is synchronous). */
function tokensOf(text: string): Token[] {
  if (text === tokenText) return tokenList;
  let out = asciiTokens(text);
  if (out === null) {
    out = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push({ raw: m[0], start: m.index });
    WORD.lastIndex = 0;
  }
  tokenText = text;
  tokenList = out;
  return out;
}

/**
 * WORD's matches in a text of ASCII characters, found with a loop: the Unicode regex, tried at
 * every position, cost several times more. Null at the first non-ASCII character met (a letter or
 * "’" there would be read by the regex's Unicode classes): the regex then scans the text.
 */
function asciiTokens(text: string): Token[] | null {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = codeAt(text, i);
    if (c >= 128) return null;
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    // Letters spelled out need no ASCII letter before them (WORD's look-behind).
    let end = i > 0 && isAsciiLetter(codeAt(text, i - 1)) ? -1 : spelledEnd(text, i);
    if (end < 0) {
      // [\p{L}][\p{L}'’-]*: here ASCII letters, "'" and "-"; a non-ASCII character is left to the regex.
      end = i + 1;
      while (end < n) {
        const d = codeAt(text, end);
        if (d >= 128) return null;
        if (!isAsciiLetter(d) && d !== 39 && d !== 45) break;
        end++;
      }
    }
    out.push({ raw: text.slice(i, end), start: i });
    i = end;
  }
  return out;
}

/**
 * The end of letters spelled out from `at` ("s-i-l-e-n-t", "s i l e n t": three or more, not
 * followed by a letter), or -1: WORD's first alternative, with its backtracking (the greedy run
 * gives back one pair when a letter follows it).
 */
function spelledEnd(text: string, at: number): number {
  const n = text.length;
  let pairs = 0;
  let end = at + 1;
  while (end + 1 < n && (codeAt(text, end) === 32 || codeAt(text, end) === 45) && isAsciiLetter(codeAt(text, end + 1))) {
    pairs++;
    end += 2;
  }
  if (end < n && isAsciiLetter(codeAt(text, end))) {
    pairs--;
    end -= 2;
  }
  return pairs >= 2 ? end : -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The WORD matches a scan starting at `from` finds, as an index into tokensOf(text): the first
 * token ending after `from`. A scan from a position that is not inside a token finds exactly the
 * tokens of the whole-text scan from there on (no match starts between two tokens, and a match at
 * a position does not depend on where the scan started); -1 when `from` is inside a token, where it
 * would find a different first match (the caller then scans with the regex).
 */
function tokenIndexFrom(tokens: readonly Token[], from: number): number {
  let k = 0;
  while (k < tokens.length && (tokens[k] as Token).start + (tokens[k] as Token).raw.length <= from) k++;
  return k < tokens.length && (tokens[k] as Token).start < from ? -1 : k;
}

/** The tokens a WORD scan finds from `from` on (see tokenIndexFrom; exported for the fast-path tests). */
export function tokensFrom(text: string, from: number): { tokens: readonly Token[]; k: number } {
  const all = tokensOf(text);
  const k = tokenIndexFrom(all, from);
  if (k >= 0) return { tokens: all, k: k };
  const own: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) own.push({ raw: m[0], start: m.index });
  WORD.lastIndex = 0;
  return { tokens: own, k: 0 };
}

/** A token read as a value, cut at `to`. */
function found(value: string, m: Token, to: number): Found {
  return { value, start: m.start, end: Math.min(m.start + m.raw.length, to) };
}

function wordReader(ctx: AnagramContext): Reader {
  return {
    first(text, from, to, strict, promptValue = false) {
      promptValue &&= !completionText;
      let skipped = 0;
      const { tokens, k } = tokensFrom(text, from);
      for (let i = k; i < tokens.length && (tokens[i] as Token).start < to; i++) {
        const m = tokens[i] as Token;
        const value = valueOf(m.raw);
        const lower = value.toLowerCase();
        // wordKey only drops characters: a shorter word cannot be the scramble.
        const scramble = ctx.size > 0 && lower.length >= ctx.scramble.length && wordKey(lower) === ctx.scramble;
        if (scramble && promptValue) return found(value, m, to);
        if (!scramble) {
          if (isPermutation(lower, ctx)) return found(value, m, to);
          if (!FILLERS.has(lower)) return strict || NOT_ANSWERS.has(lower) || !PLAIN_WORD.test(value) ? null : found(value, m, to);
        }
        // Skipped: the scramble (never the limit) or a filler word (at most 8 of them).
        if (++skipped > 8 && !scramble) return null;
      }
      return null;
    },
    last(text, from, to) {
      let found: Found | null = null;
      const { tokens, k } = tokensFrom(text, from);
      for (let i = k; i < tokens.length && (tokens[i] as Token).start < to; i++) {
        const m = tokens[i] as Token;
        const value = valueOf(m.raw);
        if (!FILLERS.has(value.toLowerCase()) && wordKey(value) !== ctx.scramble) found = { value, start: m.start, end: m.start + m.raw.length };
      }
      return found !== null && PLAIN_WORD.test(found.value) ? found : null;
    },
  };
}

const contextOf = perItem((item) => {
  const ctx = buildContext(item);
  return { ctx, reader: wordReader(ctx) };
});

/**
 * The scramble as the answer counts only in chat ("The word is **TESR**" commits to a wrong word);
 * a raw model writing the letters again after the cue is echoing. Set per text (reading is synchronous).
 */
let completionText = false;

export function extractWords(text: string, item: Item | undefined, completion: boolean): Candidate[] {
  const { ctx, reader } = contextOf(item);
  completionText = completion;
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  readEmphasis(t, markup, reader, list, wordKey, true);
  const lines = linesOf(t);
  let group = -1;
  let previousBare = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (completion && i === 0) {
      // The word right after the cue is the answer when it stands alone (" WHISPER! Took me a while").
      const cue = AFTER_CUE.exec(t.slice(line.body, line.end));
      const word = cue === null ? '' : (cue[1] as string);
      if (cue !== null && !FILLERS.has(word.toLowerCase()) && wordKey(word) !== ctx.scramble) {
        list.add(word, STATED, line.body + cue[0].indexOf(word), 'after-cue');
      } else readRange(t, line.body, line.end, false, true, STATED, 'after-cue', false, reader, list);
    }
    const bare = readBareLine(t, line, reader, false);
    if (bare !== null) {
      if (!previousBare) group = list.newGroup();
      for (const f of bare) list.add(f.value, STATED, f.start, bareHow(t, line, f.start, lines.length), false, group);
    }
    previousBare = bare !== null;
  }
  if (ctx.size > 0) {
    for (const m of tokensOf(t)) {
      if (m.raw.length < ctx.size) continue;
      const w = valueOf(m.raw);
      if (isPermutation(w, ctx)) list.add(w, LOOSE, m.start, 'in-passing');
    }
  }
  return list.items;
}
