/**
 * Markdown and LaTeX around answers. `scanMarkup` returns the text with formatting characters
 * replaced by spaces (so offsets stay the same) and the emphasised spans: **bold**, *italic*,
 * `code`, \boxed{…}, and "quoted" text. Code fences are blanked too (their lines, not their content).
 */
import { matchesOf } from '../regex-scan.js';
import { codeAt } from '../text-stats.js';

export type EmphasisKind = 'bold' | 'boxed' | 'code' | 'quoted';

export interface Emphasis {
  kind: EmphasisKind;
  start: number;
  end: number;
}

export interface Markup {
  /** Same length as the input; formatting characters are spaces. */
  clean: string;
  emphasis: Emphasis[];
}

const HAS_MARKUP = /[*_`$\\#>"']/;
const BOXED = /\\(?:boxed|fbox)\s*\{/g;
const BOLD = /\*\*(?=\S)([^\n]*?\S)\*\*|(?<!\w)__(?=\S)([^\n]*?\S)__(?!\w)/g;
const ITALIC = /(?<![*\w\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])|(?<![\w\\])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g;
const CODE = /`([^`\n]+)`/g;
const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;
const LATEX_WRAP = /\\(?:text|mathrm|mathbf|textbf|mbox|operatorname)\s*\{/g;
const LATEX_DELIMS = /\$\$?|\\[()[\]]/g;
const HEADING = /^[ \t]*#{1,6}[ \t]/gm;
const QUOTE_PREFIX = /^[ \t]*>[ \t]?/gm;
const DOUBLE_QUOTED = /"([^"\n]{1,120})"/g;
const NOT_NEWLINE = /[^\n]/g;
/** Exported for the fast-path tests (with mayOpenQuote). */
export const SINGLE_QUOTED = /(?<![\p{L}\p{N}])'([^'\n]{1,60}?)'(?![\p{L}\p{N}])/gu;

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from, len = text.length; i < len; i++) {
    const c = codeAt(text, i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/**
 * Whether some "'" can open a SINGLE_QUOTED span: one not right after a letter or digit. The
 * apostrophes of "I'm" and "can't" never can; when every "'" follows an ASCII letter or digit, the
 * (slow, Unicode) regex cannot match and is not run.
 */
export function mayOpenQuote(text: string): boolean {
  for (let i = text.indexOf("'"); i >= 0; i = text.indexOf("'", i + 1)) {
    if (i === 0) return true;
    const c = codeAt(text, i - 1);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return true;
  }
  return false;
}

function hasTwo(text: string, mark: string): boolean {
  const first = text.indexOf(mark);
  return first >= 0 && text.indexOf(mark, first + 1) >= 0;
}

function blankAll(text: string, re: RegExp, blank: number[]): void {
  for (const m of matchesOf(re, text)) blank.push(m.index, m.index + m[0].length);
}

export function scanMarkup(text: string): Markup {
  if (!HAS_MARKUP.test(text)) return { clean: text, emphasis: [] };
  const blank: number[] = []; // pairs [start, end)
  const emphasis: Emphasis[] = [];
  const backslash = text.includes('\\');
  if (backslash && text.includes('box')) {
    for (const m of matchesOf(BOXED, text)) {
      const open = m.index + m[0].length;
      const close = closingBrace(text, open);
      if (close < 0) continue;
      emphasis.push({ kind: 'boxed', start: open, end: close });
      blank.push(m.index, open, close, close + 1);
    }
  }
  if (backslash) {
    for (const m of matchesOf(LATEX_WRAP, text)) {
      const open = m.index + m[0].length;
      const close = closingBrace(text, open);
      if (close >= 0) blank.push(m.index, open, close, close + 1);
    }
  }
  const star = text.includes('*');
  const underscore = text.includes('_');
  if (star || underscore) {
    for (const m of matchesOf(BOLD, text)) {
      emphasis.push({ kind: 'bold', start: m.index + 2, end: m.index + m[0].length - 2 });
      blank.push(m.index, m.index + 2, m.index + m[0].length - 2, m.index + m[0].length);
    }
    for (const m of matchesOf(ITALIC, text)) {
      emphasis.push({ kind: 'bold', start: m.index + 1, end: m.index + m[0].length - 1 });
      blank.push(m.index, m.index + 1, m.index + m[0].length - 1, m.index + m[0].length);
    }
  }
  const tick = text.includes('`');
  if (tick) {
    for (const m of matchesOf(CODE, text)) {
      emphasis.push({ kind: 'code', start: m.index + 1, end: m.index + m[0].length - 1 });
      blank.push(m.index, m.index + 1, m.index + m[0].length - 1, m.index + m[0].length);
    }
  }
  if (tick || text.includes('~~~')) blankAll(text, FENCE_LINE, blank);
  if (backslash || text.includes('$')) blankAll(text, LATEX_DELIMS, blank);
  if (text.includes('#')) blankAll(text, HEADING, blank);
  if (text.includes('>')) blankAll(text, QUOTE_PREFIX, blank);
  // A quoted span needs two quote marks; one apostrophe ("I'm") is no quote.
  if (hasTwo(text, '"')) {
    for (const m of matchesOf(DOUBLE_QUOTED, text)) emphasis.push({ kind: 'quoted', start: m.index + 1, end: m.index + m[0].length - 1 });
  }
  if (hasTwo(text, "'") && mayOpenQuote(text)) {
    for (const m of matchesOf(SINGLE_QUOTED, text)) emphasis.push({ kind: 'quoted', start: m.index + 1, end: m.index + m[0].length - 1 });
  }
  if (emphasis.length > 1) emphasis.sort((a, b) => a.start - b.start);
  if (blank.length === 0) return { clean: text, emphasis };
  return { clean: blanked(text, blank), emphasis };
}

/**
 * The text with the [start, end) ranges (pairs, may overlap) turned into spaces, line breaks kept.
 * Built from slices of the sorted ranges: splitting into characters and joining them again cost
 * more than the rest of the scan.
 */
function blanked(text: string, blank: number[]): string {
  const ranges: [number, number][] = [];
  for (let k = 0; k < blank.length; k += 2) ranges.push([blank[k] as number, blank[k + 1] as number]);
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, end] of ranges) {
    const start = Math.max(from, at);
    if (end <= start) continue;
    out += text.slice(at, start);
    const gone = text.slice(start, end);
    out += gone.includes('\n') ? gone.replace(NOT_NEWLINE, ' ') : ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}
