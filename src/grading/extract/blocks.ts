/**
 * Transforms: a block of lines (or JSON, or CSV). In order of preference:
 *   1. the last code fence that is not a program ("```python" is a how-to, not the output);
 *   2. the block after the last line that introduces one ("Here is the result:", "Output:",
 *      "Final answer:"), including text after the colon on that line;
 *   3. for JSON outputs, the outermost [ … ] array;
 *   4. the lines left once prose is trimmed from the start and end (greetings, "Here you go:",
 *      "Let me know if …", explanations), when no prose line interrupts them.
 * The block is passed to the domain check as is (it drops a fence and trailing spaces itself).
 */
import type { Item } from '../../core/item.js';
import { CandidateList, type Candidate, FINAL, LOOSE, STATED } from './candidate.js';
import { markerFinder } from './markers.js';
import { matchesOf } from '../regex-scan.js';
import { codeAt, splitCount, splitSpaces } from '../text-stats.js';

const FENCE = /^[ \t]*(```|~~~)[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
const PROGRAM = /^(?:python|py|javascript|js|typescript|ts|bash|sh|shell|zsh|sql|java|c|cpp|c\+\+|csharp|cs|ruby|rb|r|perl|php|go|rust|vba|vb|excel|powershell|ps1|awk|sed|kotlin|swift|scala)$/i;
const INTRO = /^[ \t]*(?:[*_#> \t]*)(final\s+)?(?:answer|result|output|solution|converted|sorted|formatted|cleaned|transformed|here(?:'s| is| are| you go)|below|the (?:result|output|list|converted|sorted|formatted|answer|transformed|final)|sure|certainly|okay|ok|that(?:'s| is| would be)|it(?:'s| is| would be))\b[^\n:{}[\]"]{0,60}?:[*_ \t]*(.*)$/gim;
const JSON_START = /\[\s*[{["\d-]/;
/** A greeting or remark line (exported for the fast-path tests, with mayBePolite). */
export const POLITE =
  /^(?:sure|certainly|of course|absolutely|here(?:'s| is| are| you go)|okay|ok\b|great|no problem|happy to help|glad to help|below is|i\b|sorry|unfortunately|as an ai|let me know|hope (?:this|that|it) helps|note\b|notes?:|this (?:is|list|gives)|these are|each |all |feel free|if you|please|thanks|thank you|explanation|in this|as requested|done\b|the (?:result|output|converted|sorted|formatted|list|dates|names|numbers|times|entries|lines|words)\b[^:\n]*(?:is|are|:)|to do this|first,|step \d)/i;
const FUNCTION_WORDS = new Set(
  ('the a an to of is are you can this that i it be will would for with in on as and or but if your here have has please these each all not ' +
    'im they them their may my me we was were do does did so just there which what some any no than then its into about from could should ' +
    'might must been being am our us he she his her who why how when where because always ever never theres every upon again one ' +
    'like very too also only more most such own same other out up down off over under through').split(' '),
);

const LEAD = /^[*_#>\s]+/;
/** `*` `_` `#` `>`. */
const LEAD_START = new Set([42, 95, 35, 62]);
/**
 * The first two letters of POLITE's phrases (lower case), and "i" alone: POLITE can only match a
 * line that starts with one of them (in either case; the regex is not Unicode, so only ASCII
 * letters fold). Data lines mostly do not, and skip the regex.
 */
const POLITE_STARTS = new Set(
  'su ce of ab he ok gr no ha gl be so un as le ho th ea al fe if pl ex in do to fi st'.split(' ').map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)),
);

export function mayBePolite(t: string): boolean {
  if (t.length === 0) return false;
  const a = lowerAscii(t.charCodeAt(0));
  // "i" then a word boundary ("I can't", "I'll"); other "i…" words are in the set ("if", "in").
  if (a === 105 && (t.length === 1 || !isWordChar(t.charCodeAt(1)))) return true;
  return t.length > 1 && POLITE_STARTS.has(a * 128 + lowerAscii(t.charCodeAt(1)));
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A character `\b` counts as part of a word: an ASCII letter, digit or "_". */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
const FENCE_MARK = /^[ \t]*(?:```|~~~)[^\n]*$/;

/**
 * Prose, not data: an introduction (ends with ":"), a greeting or remark ("Sure!", "I …", "Let me
 * know …", "Hope that helps"), a question, or a sentence of 5+ words that is mostly function words.
 */
function isProse(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0) return false;
  // A trimmed line starts with no space: LEAD can only match a leading * _ # or >.
  const t = LEAD_START.has(trimmed.charCodeAt(0)) ? trimmed.replace(LEAD, '') : trimmed;
  if (t.endsWith(':') || t.endsWith('?') || t.includes('? ') || (mayBePolite(t) && POLITE.test(t))) return true;
  if (!t.includes(' ')) return false;
  if (splitCount(t) < 5) return false;
  const words = splitSpaces(t);
  let fn = 0;
  for (const w of words) if (FUNCTION_WORDS.has(foldWord(w))) fn++;
  return fn / words.length >= (t.endsWith('.') || t.endsWith('!') ? 0.25 : 0.35);
}

const NOT_LOWER_LETTER = /[^a-z]/g;

/** A word lower-cased with everything but a–z dropped; most words already are that, and are kept as they are. */
function foldWord(w: string): string {
  for (let i = 0, n = w.length; i < n; i++) {
    const c = codeAt(w, i);
    if (c < 97 || c > 122) return w.toLowerCase().replace(NOT_LOWER_LETTER, '');
  }
  return w;
}

/** The data lines of a stretch of text: prose trimmed at both ends; null if prose interrupts them. */
function dataBlock(text: string): string | null {
  const split = text.split('\n');
  const lines = text.includes('```') || text.includes('~~~') ? split.filter((l) => !FENCE_MARK.test(l)) : split;
  let a = 0;
  let b = lines.length - 1;
  while (a <= b && ((lines[a] as string).trim() === '' || isProse(lines[a] as string))) a++;
  while (b >= a && ((lines[b] as string).trim() === '' || isProse(lines[b] as string))) b--;
  if (a > b) return null;
  // Prose between blocks of data: keep the last block (an explanation came first, or a worked example).
  // Lines a and b are data (the loops above stopped there): only the lines between are read.
  let prose = b - 1;
  while (prose > a && !isProse(lines[prose] as string)) prose--;
  if (prose < a) prose = a;
  // The same steps whether or not prose came between (a step first taken after this was compiled
  // would throw the code away); only a block after prose is trimmed.
  const afterProse = prose + 1;
  const block = lines.slice(prose === a ? a : afterProse, b + 1).join('\n');
  const trimmed = block.trim();
  return prose === a ? block : trimmed || null;
}

function outerJson(text: string): [number, string] | null {
  const m = JSON_START.exec(text);
  if (m === null) return null;
  const end = text.lastIndexOf(']');
  return end > m.index ? [m.index, text.slice(m.index, end + 1)] : null;
}

export function extractBlocks(text: string, item: Item | undefined): Candidate[] {
  const list = new CandidateList();
  let fence: [number, string] | null = null;
  const fenced = text.includes('```') || text.includes('~~~');
  for (const m of fenced ? matchesOf(FENCE, text) : []) {
    const body = (m[3] as string).replace(/\s+$/, '');
    if (body.trim() !== '' && !PROGRAM.test(m[2] as string)) fence = [m.index, body];
  }
  if (fence !== null) {
    const before = text.slice(Math.max(0, fence[0] - 80), fence[0]);
    list.add(fence[1], /final/i.test(before) ? FINAL : STATED, fence[0], 'fence');
    return list.items;
  }
  const withoutPrograms = fenced ? text.replace(FENCE, (whole, _f: string, lang: string) => (PROGRAM.test(lang) ? '\n' : whole)) : text;
  let intro: RegExpExecArray | null = null;
  for (const m of matchesOf(INTRO, withoutPrograms)) intro = m;
  if (intro !== null) {
    const lineEnd = withoutPrograms.indexOf('\n', intro.index);
    const sameLine = (intro[2] as string).trim();
    const after = lineEnd < 0 ? '' : withoutPrograms.slice(lineEnd + 1);
    const block = dataBlock(`${sameLine}\n${after}`);
    if (block !== null) {
      list.add(tidy(block), intro[1] !== undefined ? FINAL : STATED, intro.index, 'after-intro');
      return list.items;
    }
  }
  const type = (item?.gold as { type?: string } | undefined)?.type;
  // Looked for in every text, used for CSV-to-JSON items only: a call first made after this was
  // compiled (the first such item) would throw the code away.
  const json = outerJson(withoutPrograms);
  if (type === 'csv-to-json') {
    if (json !== null) {
      list.add(json[1], STATED, json[0], 'json');
      return list.items;
    }
  }
  const block = dataBlock(withoutPrograms);
  if (block !== null) {
    list.add(tidy(block), STATED, 0, withoutPrograms.trim() === block.trim() ? 'whole' : 'block');
    return list.items;
  }
  // A single record said in a sentence: "Sure! That's £75.34.", "I think it's 8,327.4, not sure."
  // Weak evidence (LOOSE): a refusal or "I can't" around it wins; it must look like data.
  for (const span of MARKERS.find(withoutPrograms)) {
    const m = INLINE_VALUE.exec(withoutPrograms.slice(span.start, span.end));
    const value = m === null ? '' : tidy(m[1] as string);
    if (value !== '' && looksLikeData(value)) list.add(value, LOOSE, span.start, 'in-sentence', span.hedged);
  }
  return list.items;
}

const MARKERS = markerFinder(['answer', 'result', 'output', 'solution']);
const DATA_MARK = /[\d@\p{Lu}_]/u;

/** A value said in a sentence is data when it has a digit, "@", a capital or "_" and no function word. */
function looksLikeData(value: string): boolean {
  return DATA_MARK.test(value) && !splitSpaces(value).some((w) => FUNCTION_WORDS.has(foldWord(w)));
}
const INLINE_VALUE = /^[\s"'`*]*(.+?)[\s"'`*]*(?:,\s|\.\s|[.!]?\s*$)/;
const WRAPPED = /^(\*\*|__|`)(.+)\1$/;
/** `*` `_` `` ` ``. */
const WRAPPED_START = new Set([42, 95, 96]);
/** A final full stop after a single record, but not the one of initials ("A.L."). */
const SENTENCE_STOP = /(?<![A-Z])\.$/;

/** Emphasis wrapping whole lines is dropped, and a single record loses a sentence-final full stop. */
function tidy(block: string): string {
  // A loop rather than `map`: the array `map` builds changed its kind once in a long run, which
  // threw away the code compiled for this and its caller.
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = unwrapped(lines[i] as string);
  if (lines.length === 1) return (lines[0] as string).trim().replace(SENTENCE_STOP, '');
  return lines.join('\n');
}

/** A line without its emphasis or code marks (WRAPPED), or the line as it is. */
function unwrapped(line: string): string {
  const t = line.trim();
  // WRAPPED needs a line that starts with * _ or `.
  const m = t.length > 0 && WRAPPED_START.has(t.charCodeAt(0)) ? WRAPPED.exec(t) : null;
  return m === null ? line : (m[2] as string);
}
