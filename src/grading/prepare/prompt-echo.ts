/**
 * The prompt's own text never counts as an answer (docs/grading.md, "Echo"). Before extraction,
 * every copy of a prompt segment in the response is removed, and how much was removed is kept: a
 * response that was mostly prompt is an echo.
 *
 * Segments: the whole prompt (without the completion cue), each prompt line of 6+ characters and
 * each sentence of 12+ characters that has a letter and two words, plus the item's own blocks
 * (science: question, option list, inline options; transforms: data, task). A copy counts only at
 * word boundaries. Protected, never segments on their own: one science option line (naming one
 * option is an answer) and one transforms data line (data lines are copied into correct outputs).
 */
import type { Item } from '../../core/item.js';
import { normaliseText } from './normalise-text.js';

export interface EchoModel {
  /** Longest first, so a whole-prompt copy goes before its pieces. */
  segments: string[];
  /** The completion cue (last paragraph of a completion prompt), or ''. */
  cue: string;
  /** Normalised prompt without the cue. */
  body: string;
  /** Lines that are never echo on their own (one option, one data line, the anchor city). */
  guard: Set<string>;
  /** Every pair of consecutive words of the prompt: a cheap first test before searching it. */
  pairs: Set<string>;
}

const HAS_LETTER = /\p{L}/u;
/** The sentences of a line: split after ". ", "? " or "! ". */
function sentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line.charCodeAt(i);
    if ((c === 46 || c === 63 || c === 33) && line.charCodeAt(i + 1) === 32) {
      out.push(line.slice(start, i + 1).trim());
      start = i + 2;
    }
  }
  if (start === 0) return out;
  out.push(line.slice(start).trim());
  return out;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

function protectedLines(item: Item | undefined): Set<string> {
  const out = new Set<string>();
  const input = item?.input;
  if (input === undefined) return out;
  if (item?.domain === 'science') {
    const options = (item.gold as { options?: string[] }).options ?? [];
    options.forEach((o, i) => {
      const letter = 'ABCDEFGH'[i] as string;
      for (const form of [o, `${letter}. ${o}`, `(${letter}) ${o}`, `${letter}) ${o}`, `${letter}: ${o}`]) out.add(normaliseText(form).trim());
    });
    for (const l of (input['options'] ?? '').split('\n')) out.add(l.trim());
  }
  if (item?.domain === 'transforms' && input['data'] !== undefined) {
    for (const l of input['data'].split('\n')) out.add(l.trim());
  }
  if (item?.domain === 'locality' && input['city'] !== undefined) {
    out.add(input['city']);
    out.add(`${input['city']}, ${input['country'] ?? ''}`);
    out.add(`${input['city']} (${input['country'] ?? ''})`);
  }
  return out;
}

/**
 * The item's own blocks. The transforms data counts only in completion mode: a raw model writing
 * the data again is echoing, while a chat model that presents the unchanged data as its result
 * ("Here is the processed list: …") gives a wrong answer.
 */
function blocks(item: Item | undefined, completion: boolean): string[] {
  const input = item?.input;
  if (input === undefined) return [];
  const keys = item?.domain === 'science' ? ['question', 'options', 'options_inline'] : item?.domain === 'transforms' ? (completion ? ['data', 'task'] : ['task']) : [];
  return keys.map((k) => input[k]).filter((v): v is string => v !== undefined && /[ \n]/.test(v.trim())).map(normaliseText);
}

function isSegment(s: string, minLength: number, guard: Set<string>): boolean {
  return s.length >= minLength && s.includes(' ') && HAS_LETTER.test(s) && !guard.has(s);
}

export function buildEchoModel(prompt: string | undefined, item: Item | undefined, completion: boolean): EchoModel {
  const guard = protectedLines(item);
  const found = new Set<string>(blocks(item, completion));
  let body = '';
  let cue = '';
  if (prompt !== undefined) {
    body = normaliseText(prompt).trim();
    const lastBreak = body.lastIndexOf('\n\n');
    if (completion && lastBreak >= 0 && body.length - lastBreak <= 60) {
      cue = body.slice(lastBreak).trim();
      body = body.slice(0, lastBreak).trim();
    }
    if (body.length > 0) found.add(body);
    // A raw model repeating the cue ("The word is\nThe word is") echoes it too.
    if (isSegment(cue, 6, guard)) found.add(cue);
    for (const rawLine of body.split('\n')) {
      const line = rawLine.trim();
      if (guard.has(line)) continue;
      if (isSegment(line, 6, guard)) found.add(line);
      for (const piece of sentences(line)) {
        if (piece !== line && isSegment(piece, 12, guard)) found.add(piece);
      }
    }
  }
  const segments = [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const pairs = new Set<string>();
  const words = body.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i] as string} ${words[i + 1] as string}`);
  return { segments, cue, body, guard, pairs };
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

export function removeEcho(text: string, model: EchoModel): EchoRemoval {
  let t = text;
  let removed = 0;
  for (const seg of model.segments) {
    if (seg.length > t.length) continue;
    let from = 0;
    for (;;) {
      const i = t.indexOf(seg, from);
      if (i < 0) break;
      const end = i + seg.length;
      if (atBoundary(t, i, end, seg)) {
        t = `${t.slice(0, i)}\n${t.slice(end)}`;
        removed += seg.length;
        from = i + 1;
      } else from = i + 1;
    }
  }
  if (model.body.length === 0 || t.length < 12) return { text: t, removed };
  // A line copied from inside a prompt line (a partial echo or a run-on continuation of the prompt).
  let out = '';
  let copied = 0;
  let start = 0;
  while (start <= t.length) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    if (end - start >= 12 && isPromptLine(t.slice(start, end).trim(), model)) {
      out += t.slice(copied, start);
      copied = end;
      removed += end - start;
    }
    start = end + 1;
  }
  return { text: copied === 0 ? t : out + t.slice(copied), removed };
}

function isPromptLine(line: string, model: EchoModel): boolean {
  if (line.length < 12) return false;
  const space = line.indexOf(' ');
  if (space < 0) return false;
  const second = line.indexOf(' ', space + 1);
  if (second >= 0 && !model.pairs.has(line.slice(0, second))) return false;
  return !model.guard.has(line) && HAS_LETTER.test(line) && model.body.includes(line);
}

/** Share of the response's visible characters that were prompt copies. */
export function echoShare(removed: number, remaining: string): number {
  if (removed === 0) return 0;
  let visible = 0;
  for (let i = 0; i < remaining.length; i++) if (remaining.charCodeAt(i) > 32) visible++;
  return removed / (removed + visible);
}
