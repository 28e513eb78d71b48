/**
 * The prompt's own text never counts as an answer (docs/grading.md, "Echo"). Before extraction,
 * copies of the prompt in the response are removed, and how much was removed is kept: a response
 * that was mostly prompt is an echo.
 *
 * Removed wherever they are copied: the whole prompt (without the completion cue), the item's own
 * blocks (science question, option list, inline options; transforms task, and the data in
 * completion mode), and the completion cue when it has two words ("The word is"). Then every
 * response line (8+ characters), sentence or double-quoted span (12+) that occurs inside the prompt
 * — a prompt line or sentence copied, a partial echo, a prompt sentence quoted back. Pieces need a
 * letter and two words; a copy counts only at word boundaries. Never removed on their own
 * (guarded): one science option or option line (naming an option is an answer), one transforms
 * data line (data lines are copied into correct outputs), the anchor city. Nothing is precomputed
 * over the prompt but its normalised text.
 */
import type { Item } from '../../core/item.js';
import { promptOpening } from './completion-cut.js';
import { codeAt, hasVisible, isSpaceCode } from '../text-stats.js';
import { normaliseText } from './normalise-text.js';
import { matchesOf } from '../regex-scan.js';

export interface EchoModel {
  /** Normalised prompt without the cue ('' when no prompt is known). */
  body: string;
  /** The completion cue (last paragraph of a completion prompt), or ''. */
  cue: string;
  /** Whole blocks to remove: the body, the item's blocks, the cue. Longest first. */
  blocks: string[];
  /** Lines that are never echo on their own. */
  guard: Set<string>;
  /** Whether quoted spans may be echo (not in transforms, whose JSON and CSV answers quote data). */
  quotes: boolean;
  /** What a repeat of the prompt starts with (completion-cut.ts; completion prompts only), or undefined. */
  opening: string | undefined;
  /** Whether a stretch of text is all, partly or not at all prompt copy. */
  test(text: string): 'all' | 'some' | 'none';
}

const HAS_LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface ItemEcho {
  guard: Set<string>;
  blocks: string[];
}

const byItem = new WeakMap<Item, [chat: ItemEcho, completion: ItemEcho]>();

function itemEcho(item: Item | undefined, completion: boolean): ItemEcho {
  if (item === undefined) return { guard: new Set(), blocks: [] };
  let both = byItem.get(item);
  if (both === undefined) {
    both = [buildItemEcho(item, false), buildItemEcho(item, true)];
    byItem.set(item, both);
  }
  return both[completion ? 1 : 0];
}

function buildItemEcho(item: Item, completion: boolean): ItemEcho {
  const input = item.input;
  const guard = new Set<string>();
  if (item.domain === 'science') {
    const options = (item.gold as { options?: string[] }).options ?? [];
    options.forEach((o, i) => {
      const letter = 'ABCDEFGH'[i] as string;
      for (const form of [o, `${letter}. ${o}`, `(${letter}) ${o}`, `${letter}) ${o}`, `${letter}: ${o}`]) guard.add(normaliseText(form).trim());
    });
  }
  if (item.domain === 'transforms') for (const l of (input['data'] ?? '').split('\n')) guard.add(l.trim());
  if (item.domain === 'locality' && input['city'] !== undefined) {
    for (const form of [input['city'], `${input['city']}, ${input['country'] ?? ''}`, `${input['city']} (${input['country'] ?? ''})`]) guard.add(form);
  }
  // A chat model presenting the unchanged data as its result gives a wrong answer, not an echo.
  const keys = item.domain === 'science' ? ['question', 'options', 'options_inline'] : item.domain === 'transforms' ? (completion ? ['data', 'task'] : ['task']) : [];
  // A loop rather than `map` and `filter`: the arrays they build changed kind once in a long run,
  // which threw away the code compiled for this.
  const blocks: string[] = [];
  for (const k of keys) {
    const v = input[k];
    if (v !== undefined && /[ \n]/.test(v.trim())) blocks.push(normaliseText(v));
  }
  return { guard, blocks };
}

const MAX_PER_ITEM = 64;
const models = new WeakMap<Item, [Map<string, EchoModel>, Map<string, EchoModel>]>();

/** Built once per item and prompt text (the same prompt is graded for every model and sample). */
export function buildEchoModel(prompt: string | undefined, item: Item | undefined, completion: boolean): EchoModel {
  if (prompt === undefined || item === undefined) return build(prompt, item, completion);
  let both = models.get(item);
  if (both === undefined) {
    both = [new Map(), new Map()];
    models.set(item, both);
  }
  const map = both[completion ? 1 : 0];
  let model = map.get(prompt);
  if (model === undefined) {
    if (map.size >= MAX_PER_ITEM) map.clear();
    model = build(prompt, item, completion);
    map.set(prompt, model);
  }
  return model;
}

function build(prompt: string | undefined, item: Item | undefined, completion: boolean): EchoModel {
  const own = itemEcho(item, completion);
  let body = '';
  let cue = '';
  if (prompt !== undefined) {
    body = normaliseText(prompt).trim();
    const lastBreak = body.lastIndexOf('\n\n');
    if (completion && lastBreak >= 0 && body.length - lastBreak <= 60) {
      cue = body.slice(lastBreak).trim();
      body = body.slice(0, lastBreak).trim();
    }
  }
  // A raw model repeating the cue ("The word is\nThe word is") echoes it too. (One concat rather
  // than a copy and pushes: pushing a string onto the copy of an empty list, whose kind is "small
  // integers", threw away the code compiled for this once in a long run.)
  const cueBlock = cue.length >= 6 && cue.includes(' ') && HAS_LETTER.test(cue);
  const blocks = own.blocks.concat(body.length > 0 ? [body] : [], cueBlock ? [cue] : []);
  blocks.sort((a, b) => b.length - a.length);
  // Only the completion stop rule reads the opening (chat responses are never cut at it).
  const opening = !completion || body === '' ? undefined : promptOpening(body, item?.domain === 'transforms' ? item.input['data'] : undefined);
  return new PromptEcho(body, cue, blocks, own.guard, item?.domain !== 'transforms', opening);
}

/** An EchoModel; `test` is a method, so building one per prompt creates no closure. */
class PromptEcho implements EchoModel {
  constructor(
    readonly body: string,
    readonly cue: string,
    readonly blocks: string[],
    readonly guard: Set<string>,
    readonly quotes: boolean,
    readonly opening: string | undefined,
  ) {}

  test(text: string): 'all' | 'some' | 'none' {
    return echoTest(text, this);
  }
}

export interface EchoRemoval {
  text: string;
  /** Characters of prompt text removed. */
  removed: number;
}

function atBoundary(text: string, start: number, end: number, seg: string): boolean {
  const before = start > 0 && WORD_CHAR.test(seg[0] as string) && WORD_CHAR.test(text[start - 1] as string);
  const after = end < text.length && WORD_CHAR.test(seg[seg.length - 1] as string) && WORD_CHAR.test(text[end] as string);
  return !before && !after;
}

function isCopy(piece: string, min: number, model: EchoModel): boolean {
  // The substring search first: it rules out almost every piece without hashing it.
  return piece.length >= min && model.body.includes(piece) && piece.includes(' ') && !model.guard.has(piece) && HAS_LETTER.test(piece);
}

/**
 * Whether pieces(line) may have anything: a sentence break or a quote (substring searches; a break
 * at the very start, which sentences() ignores, only costs a look).
 */
function mayHavePieces(line: string, quotes: boolean): boolean {
  return line.includes('. ') || line.includes('? ') || line.includes('! ') || (quotes && line.includes('"'));
}

/** A double-quoted span of four words or more: a sentence quoted back, not a quoted name. */
const QUOTED = /"((?:[^"\s]+\s+){3,}[^"\s][^"\n]*)"/g;

/** A line's sentences and (when allowed) quoted spans, with their offsets. */
function pieces(line: string, quotes: boolean): [number, string][] {
  const out = sentences(line);
  // Sentences come in order; only quoted spans added after them need sorting in.
  if (quotes && line.includes('"')) {
    for (const m of matchesOf(QUOTED, line)) out.push([m.index + 1, m[1] as string]);
    out.sort((a, b) => a[0] - b[0]);
  }
  return out;
}

/** A line's sentences (split after ". ", "? ", "! "), with their offsets. */
function sentences(line: string): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  for (let i = 1, end = line.length - 1; i < end; i++) {
    const c = codeAt(line, i);
    if ((c === 46 || c === 63 || c === 33) && codeAt(line, i + 1) === 32) {
      out.push([start, line.slice(start, i + 1)]);
      start = i + 2;
    }
  }
  if (start > 0) out.push([start, line.slice(start)]);
  return out;
}

/**
 * The first position in [from, to) that is not whitespace, or `to`. (Written so the step runs on
 * every call: a step first taken after the code was optimised throws the optimised code away.)
 */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from - 1;
  do i++;
  while (i < to && isSpaceCode(codeAt(text, i)));
  return i;
}

/** The end of text[from, to) without its trailing whitespace (written as firstNonSpace is). */
function endOfNonSpace(text: string, from: number, to: number): number {
  let j = to + 1;
  do j--;
  while (j > from && isSpaceCode(codeAt(text, j - 1)));
  return j;
}

export function removeEcho(text: string, model: EchoModel): EchoRemoval {
  let t = text;
  let removed = 0;
  for (const seg of model.blocks) {
    if (seg.length > t.length) continue;
    for (let i = t.indexOf(seg); i >= 0; i = t.indexOf(seg, i + 1)) {
      if (!atBoundary(t, i, i + seg.length, seg)) continue;
      t = `${t.slice(0, i)}\n${t.slice(i + seg.length)}`;
      removed += seg.length;
    }
  }
  if (model.body.length === 0 || t.length < 8) return { text: t, removed };
  // Lines and sentences copied from the prompt (a partial echo, a prompt line before the answer).
  let out = '';
  let copied = 0;
  let start = 0;
  while (start <= t.length) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const lead = firstNonSpace(t, start, end);
    const stop = endOfNonSpace(t, lead, end);
    const line = stop - lead >= 8 ? t.slice(lead, stop) : '';
    // A line that is not in the prompt and has no sentence or quote inside cannot hold a copy.
    const inBody = line !== '' && model.body.includes(line);
    if (line !== '' && (inBody || mayHavePieces(line, model.quotes)) && !model.guard.has(line)) {
      if (inBody && line.includes(' ') && HAS_LETTER.test(line)) {
        out += t.slice(copied, start);
        copied = end;
        removed += line.length;
      } else {
        for (const [at, piece] of pieces(line, model.quotes)) {
          const p = piece.trim();
          const from = lead + at;
          if (from < copied || !isCopy(p, 12, model)) continue;
          out += t.slice(copied, from);
          copied = from + piece.length;
          removed += p.length;
        }
      }
    }
    start = end + 1;
  }
  return { text: copied === 0 ? t : out + t.slice(copied), removed };
}

function echoTest(text: string, model: EchoModel): 'all' | 'some' | 'none' {
  const r = removeEcho(text, model);
  return r.removed === 0 ? 'none' : hasVisible(r.text) ? 'some' : 'all';
}

/**
 * No echo: a zero that is a floating-point number (−0 compares, rounds and prints like 0). Shares
 * are fractions; were the first one a small-integer 0, the first fraction would change the shape of
 * the prepared-response object and throw away the code compiled for it.
 */
const NO_ECHO = -0;

/** Share of the response's visible characters that were prompt copies. */
export function echoShare(removed: number, remaining: string): number {
  if (removed === 0) return NO_ECHO;
  let visible = 0;
  for (let i = 0, len = remaining.length; i < len; i++) if (codeAt(remaining, i) > 32) visible++;
  return removed / (removed + visible);
}
