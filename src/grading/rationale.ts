/** The one-line, human-readable rationale stored with every grade. */

import { codeAt } from './text-stats.js';

const MAX_ANSWER = 60;
/** What shortAnswer would change: a line break, tab or CR, a double space, or whitespace at either end. */
const UNTIDY = /[\n\t\r]| {2}|^\s|\s$/;

/** An extracted answer shortened for a rationale: one line, at most 60 characters. */
export function shortAnswer(answer: string): string {
  // Most answers are short and already one tidy line: nothing to fold or cut.
  if (answer.length <= MAX_ANSWER && !UNTIDY.test(answer)) return answer;
  let out = '';
  let space = false;
  for (let i = 0, len = answer.length; i < len; i++) {
    const c = codeAt(answer, i);
    if (c === 10) {
      out = `${out.trimEnd()} ⏎ `;
      space = true;
    } else if (c === 32 || c === 9 || c === 13) {
      if (!space && out.length > 0) out += ' ';
      space = true;
    } else {
      out += answer[i] as string;
      space = false;
    }
    if (out.length > MAX_ANSWER) return `${out.slice(0, MAX_ANSWER - 1).trimEnd()}…`;
  }
  return out.trim();
}

export function oneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') || text.includes('\t') || text.includes('\u2028') ? text.replace(/\s+/g, ' ').trim() : text;
}
