/**
 * The stop rule for raw (base) models in completion mode (docs/grading.md, "Stop rule"). A base
 * model does not stop after answering: it runs on into the next item of an imagined worksheet or
 * chat. The continuation is read paragraph by paragraph (paragraphs are separated by blank lines):
 *
 *   1. A paragraph that only repeats the prompt (or has no letter or digit) is kept, and reading
 *      goes on (the echo rule removes it later).
 *   2. The continuation is cut before a paragraph that starts a new item: its first line starts a
 *      new turn or question (`Question:`, `Q:`, `Q1.`, `Problem 2:`, `Exercise:`, `Example:`,
 *      `Human:`, `User:`, `Assistant:`, `Instruction:`, `Input:`, `Task:`, `Prompt:`, `Student:`,
 *      `Teacher:`, `###`, `[INST]`, `<|user|>`), or it starts like the prompt (its opening word,
 *      see promptOpening) without being a copy of it — the template again with new values.
 *   3. The first other paragraph is the answer. Inside it, the text is cut before a line (after its
 *      first line) that starts a new turn or question, repeats the prompt opening, or ends in `?`.
 *   4. The answer ends at the blank line after it — unless it ends with `:` or is only a lead-in
 *      ("Here is the list:", "here you go!", "Sure."), when the next paragraph belongs to it too.
 *
 * Rule 2's opening is skipped when the prompt starts with transforms data (data lines recur in
 * correct outputs). In chat mode only a new turn cuts (`Human:`, `User:`, `[INST]`, `<|user|>`,
 * after the first line): chat models stop on their own, and "### Final answer" must survive.
 */

import { anyVisible, codeAt, isSpaceCode } from '../text-stats.js';

export const NEW_QUESTION =
  /^(?:#{2,}|Q(?:uestion)?\s*\d*\s*[:.)]|(?:Problem|Exercise|Example)\s*\d*\s*[:.)]|(?:Human|User|Assistant|Instruction|Input|Task|Prompt|Student|Teacher)\s*:|\[INST\]|<\|?(?:user|human|im_start|start_header_id)\b)/i;
/**
 * The characters NEW_QUESTION's match can start with, in either case: # Q P E H U A I T S [ <. (It is
 * anchored, case-insensitive and not Unicode, so no other character can start a match.)
 */
const QUESTION_STARTS = new Set([...'#qpehuaits[<QPEHUAITS'].map((c) => c.charCodeAt(0)));

/** `NEW_QUESTION.test(line)`, without running the regex on a line no match can start (most). */
export function isNewQuestion(line: string): boolean {
  return line.length > 0 && QUESTION_STARTS.has(codeAt(line, 0)) && NEW_QUESTION.test(line);
}
const NEW_TURN = /^(?:(?:Human|User)\s*:|\[INST\]|<\|?(?:user|human|im_start|start_header_id)\b)/i;
const MAYBE_TURN = /\n[ \t]*(?:human|user)\s*:|\[INST\]|<\|?(?:user|human|im_start|start_header_id)\b/i;
const LETTERS = /\p{L}/gu;
/** A paragraph that leads on to the answer: ends with ":" or is only "here you go!", "Sure.", … */
const LEADS_ON = /:\s*$|^\s*(?:sure|ok(?:ay)?|of course|certainly|alright|done|no problem|here(?:'s| is| are)?(?: you go| it is| they are| the \w+)?)[\s!.,]*$/i;

export type CutReason = 'new-question' | 'prompt-opening' | 'question-line' | 'new-turn' | 'blank-line';

export interface CutResult {
  /** The part kept for grading. */
  text: string;
  /** The part cut off (empty when nothing was cut). */
  rest: string;
  reason: CutReason | null;
  /** Every kept paragraph was tested and none had prompt copies in it (echo removal can be skipped). */
  echoFree?: boolean;
}

/** Tells whether a stretch of text is nothing but copies of the prompt. */
export interface EchoTest {
  test(text: string): 'all' | 'some' | 'none';
}

const NO_CUT = (text: string): CutResult => ({ text, rest: '', reason: null, echoFree: undefined });

/**
 * What a repeated prompt starts with: its first word when that has 4+ letters ("Calculate",
 * "Letters:", "Geography"), else its first two words ("Hi! I'm", "Can you"); undefined when the
 * prompt starts with data (a number, transforms data) or a single short word.
 */
export function promptOpening(prompt: string, data?: string): string | undefined {
  const head = prompt.slice(0, 200).trimStart();
  if (data !== undefined && data.length > 0) {
    const dataEnd = data.indexOf('\n');
    if (head.startsWith(dataEnd < 0 ? data.slice(0, 200) : data.slice(0, Math.min(dataEnd, 200)))) return undefined;
  }
  const lineEnd = head.indexOf('\n');
  const line = lineEnd < 0 ? head : head.slice(0, lineEnd);
  const firstEnd = wordEnd(line, 0);
  if (firstEnd === 0) return undefined;
  const first = line.slice(0, firstEnd);
  const letters = letterCount(first);
  if (letters === 0) return undefined;
  if (letters >= 4) return first;
  let next = firstEnd;
  while (next < line.length && isSpaceCode(codeAt(line, next))) next++;
  return next < line.length ? `${first} ${line.slice(next, wordEnd(line, next))}` : undefined;
}

/** Letters in a word (any script; ASCII counted directly, the rare other word by regex). */
function letterCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = codeAt(word, i);
    if (c >= 128) return word.match(LETTERS)?.length ?? 0;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/** Where the run of non-space characters starting at `from` ends. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isSpaceCode(codeAt(text, i))) i++;
  return i;
}

interface Paragraph {
  start: number;
  end: number;
}

/** The paragraphs of a text: the stretches between blank lines (`/\n[ \t]*\n/g` matches), blank ones left out. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let at = paragraphBreak(text, 0); at.length > 0; at = paragraphBreak(text, at[1] as number)) {
    const index = at[0] as number;
    if (!blankBetween(text, start, index)) out.push({ start, end: index });
    start = index + 1;
  }
  if (!blankBetween(text, start, text.length)) out.push({ start, end: text.length });
  return out;
}

const NO_BREAK: number[] = [];

/**
 * The next match of `/\n[ \t]*\n/g` from `from`, as [start, end], or an empty list: a line break,
 * spaces or tabs, and another line break. (A loop over the line breaks rather than the regex, which
 * cost more than the rest of the paragraph split.) Exported for the fast-path tests.
 */
export function paragraphBreak(text: string, from: number): number[] {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < text.length && (codeAt(text, j) === 32 || codeAt(text, j) === 9)) j++;
    if (j < text.length && codeAt(text, j) === 10) return [i, j + 1];
  }
  return NO_BREAK;
}

/** `text.slice(from, to).trim() === ''`, without the slice. */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(codeAt(text, i))) return false;
  return true;
}

/** `text.trimEnd().length`, without the copy. */
function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && isSpaceCode(codeAt(text, end - 1))) end--;
  return end;
}

/** `text.trimStart().split('\n')[0].trim()`, without splitting the rest of the text. */
function firstLine(text: string): string {
  const start = text.trimStart();
  const end = start.indexOf('\n');
  return (end < 0 ? start : start.slice(0, end)).trim();
}

const cutAt = (text: string, at: number, reason: CutReason): CutResult => ({ text: text.slice(0, at), rest: text.slice(at), reason, echoFree: undefined });

/** Rule 3: inside the answer paragraph, from its second content line on. */
function cutInside(text: string, from: number, to: number, opening: string | undefined): CutResult | null {
  // Only a second content line is ever cut: a single line has none.
  const firstBreak = text.indexOf('\n', from);
  if (firstBreak < 0 || firstBreak >= to) return null;
  let offset = from;
  let content = 0;
  for (const line of text.slice(from, to).split('\n')) {
    const t = line.trim();
    if (t.length > 0) {
      if (content > 0) {
        if (isNewQuestion(t)) return cutAt(text, offset, 'new-question');
        if (opening !== undefined && t.startsWith(opening)) return cutAt(text, offset, 'prompt-opening');
        if (t.endsWith('?')) return cutAt(text, offset, 'question-line');
      }
      content++;
    }
    offset += line.length + 1;
  }
  return null;
}

export function cutContinuation(text: string, mode: 'chat' | 'completion', opening: string | undefined, echo: EchoTest): CutResult {
  if (mode === 'chat') {
    // A new turn is cut only after the first content line: one line has nothing to cut.
    if (!text.includes('\n') || !MAYBE_TURN.test(text)) return NO_CUT(text);
    let offset = 0;
    let content = 0;
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (t.length > 0) {
        if (content > 0 && NEW_TURN.test(t)) return cutAt(text, offset, 'new-turn');
        content++;
      }
      offset += line.length + 1;
    }
    return NO_CUT(text);
  }
  const paras = paragraphs(text);
  let echoSeen = false;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Paragraph;
    const body = text.slice(p.start, p.end);
    if (!anyVisible(body)) continue;
    const echoed = echo.test(body);
    if (echoed === 'all') {
      echoSeen = true;
      continue;
    }
    const head = firstLine(body);
    // Both cuts go through one call, and the echo test runs for every paragraph (on '' when the
    // head does not start like the prompt, which costs nothing): a call first made after this was
    // compiled (the first prompt-opening cut of a run) would throw the code away.
    const newQuestion = isNewQuestion(head);
    const opens = !newQuestion && opening !== undefined && head.startsWith(opening);
    const reason: CutReason | null = newQuestion ? 'new-question' : echo.test(opens ? head : '') === 'none' && opens ? 'prompt-opening' : null;
    if (reason !== null) return cutAt(text, p.start, reason);
    let end = p.end;
    let extended = false;
    // Only a paragraph with another after it can lead on to it (the cheap test first).
    while (i + 1 < paras.length && LEADS_ON.test(text.slice(p.start, end))) {
      end = (paras[++i] as Paragraph).end;
      extended = true;
    }
    const inside = cutInside(text, p.start, end, opening);
    if (inside !== null) return inside;
    const result = end < trimmedLength(text) ? cutAt(text, end, 'blank-line') : NO_CUT(text);
    result.echoFree = !echoSeen && !extended && echoed === 'none';
    return result;
  }
  return NO_CUT(text);
}
