/**
 * The first step for every response and prompt: one spelling for characters that models write in
 * several ways, so later patterns can be simple. Curly quotes become straight, odd spaces become
 * spaces, invisible characters go, LaTeX spacing inside numbers goes, and a chat-template end token
 * ends the text.
 */

const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b\u2032\u02bc]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;
const ODD_SPACE = /[\u00a0\u2007\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000\t]/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
/** `4{,}005`, `4\,005`, `4\!005`, `4\ 005` as LaTeX writes digit groups. */
const LATEX_GROUPING = /\{,\}|\\,|\\!|\\ |\\;|\\:/g;
const LATEX_WORDS = /\\(?:times|cdot|left|right|quad|qquad)\b/g;
const LATEX_WORD_VALUES: Record<string, string> = { '\\times': '×', '\\cdot': '·', '\\left': '', '\\right': '', '\\quad': ' ', '\\qquad': ' ' };
/** End-of-turn tokens some servers leave in raw output: the text ends there. */
const END_TOKEN = /<\|(?:endoftext|im_end|eot_id|end|end_of_text|eom_id)\|>|<\/s>|<end_of_turn>|<\|end▁of▁sentence\|>/;
const START_TOKEN = /^\s*(?:<s>|<\|im_start\|>\s*assistant\b|<\|assistant\|>|<start_of_turn>\s*model\b)\s*/;
const NEEDS_WORK = /[\u2018-\u201f\u00ab\u00bb\u2032\u2033\u02bc\u00a0\u2002-\u200d\u202f\u2060\u3000\ufeff\u00ad\t\r\\<]/;

/** What CURLY_SINGLE, CURLY_DOUBLE, ODD_SPACE and INVISIBLE can match: a tab or a non-ASCII character. */
const TAB_OR_NON_ASCII = /[\t\u0080-\uffff]/;

export function normaliseText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let t = text;
  // Each step runs only when what it replaces can be in the text as it is by then (the tokens
  // need "<", LaTeX needs a backslash or "{,}"); removing invisible characters can join "{,}" or
  // "\\,", so those are looked for after it.
  if (t.includes('<')) {
    const end = END_TOKEN.exec(t);
    if (end) t = t.slice(0, end.index);
    t = t.replace(START_TOKEN, '');
  }
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (TAB_OR_NON_ASCII.test(t)) t = t.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"').replace(ODD_SPACE, ' ').replace(INVISIBLE, '');
  if (t.includes('\\') || t.includes('{,}')) t = t.replace(LATEX_GROUPING, (m) => (m === '{,}' || m === '\\,' ? ',' : m === '\\ ' ? ' ' : ''));
  if (t.includes('\\')) t = t.replace(LATEX_WORDS, (m) => LATEX_WORD_VALUES[m] ?? '');
  return t;
}
