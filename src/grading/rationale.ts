/** The one-line, human-readable rationale stored with every grade. */

import { codeAt } from './text-stats.js';

const MAX_ANSWER = 60;
/** What shortAnswer would change: a line break, tab or CR, a double space, or whitespace at either end. */
const UNTIDY = /[\n\t\r]| {2}|^\s|\s$/;

/** An extracted answer shortened for a rationale: one line, at most 60 characters. */
export function shortAnswer(answer: string): string {
  // Most answers are short and already one tidy line: nothing to fold or cut.
  if (answer.length <= MAX_ANSWER && !UNTIDY.test(answer)) return answer;
  // No line break, space, tab or CR: nothing to fold, only to cut (a long number, a long word).
  if (!answer.includes(' ') && !answer.includes('\n') && !answer.includes('\t') && !answer.includes('\r')) {
    return answer.length > MAX_ANSWER ? `${answer.slice(0, MAX_ANSWER - 1).trimEnd()}…` : answer.trim();
  }
  // Line breaks become " ⏎ ", runs of spaces, tabs and CRs one space; other characters are copied
  // a run at a time. The output only grows between line breaks, so checking its length after each
  // step cuts it where a character-by-character copy would.
  let out = '';
  let space = false;
  let i = 0;
  const len = answer.length;
  while (i < len) {
    const c = codeAt(answer, i);
    if (c === 10) {
      out = `${out.trimEnd()} ⏎ `;
      space = true;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      if (!space && out.length > 0) out += ' ';
      space = true;
      i++;
    } else {
      let j = i + 1;
      while (j < len && !isFolded(codeAt(answer, j))) j++;
      out += answer.slice(i, j);
      space = false;
      i = j;
    }
    if (out.length > MAX_ANSWER) return `${out.slice(0, MAX_ANSWER - 1).trimEnd()}…`;
  }
  return out.trim();
}

/** A line break, space, tab or CR (what shortAnswer folds). */
function isFolded(c: number): boolean {
  return c === 10 || c === 32 || c === 9 || c === 13;
}

/** Whether oneLine leaves the text as it is (no line break, CR, tab or line separator in it). */
export function isOneLine(text: string): boolean {
  return !(text.includes('\n') || text.includes('\r') || text.includes('\t') || text.includes('\u2028'));
}

export function oneLine(text: string): string {
  return isOneLine(text) ? text : text.replace(/\s+/g, ' ').trim();
}
