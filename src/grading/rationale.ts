/** The one-line, human-readable rationale stored with every grade. */

const MAX_ANSWER = 60;

/** An extracted answer shortened for a rationale: one line, at most 60 characters. */
export function shortAnswer(answer: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < answer.length; i++) {
    const c = answer.charCodeAt(i);
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
