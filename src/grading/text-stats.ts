/** Small text measures used on every response, written as plain loops (they run on every grade). */

const NON_ASCII_VISIBLE = /[\p{L}\p{N}]/u;
const CHAR_CODE_AT = String.prototype.charCodeAt;

/**
 * `text.charCodeAt(i)`, called through the builtin itself. Responses reach the grader as many kinds
 * of V8 string (flat, sliced, concatenated; one- or two-byte), which turns `text.charCodeAt` in a
 * loop into a megamorphic property lookup per character; the direct call is several times faster.
 */
export function codeAt(text: string, i: number): number {
  return CHAR_CODE_AT.call(text, i);
}

function visibleAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_VISIBLE.test(text[i] as string);
}

/** Letters and digits in a text (any script). */
export function countVisible(text: string): number {
  let n = 0;
  for (let i = 0, len = text.length; i < len; i++) if (visibleAt(text, i)) n++;
  return n;
}

/** Whether a text has any letter or digit. */
export function hasVisible(text: string): boolean {
  for (let i = 0, len = text.length; i < len; i++) if (visibleAt(text, i)) return true;
  return false;
}

/** Whether a UTF-16 code unit is whitespace as `\s` in a regex counts it. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text.split(/\s+/).length` without building the array (regex split is slow on short strings):
 * one more than the number of whitespace runs, counting runs at either end.
 */
export function splitCount(text: string): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0, len = text.length; i < len; i++) {
    const space = isSpaceCode(codeAt(text, i));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** `text.split(/\s+/)`: the pieces between whitespace runs (empty at either end when text starts or ends with one). */
export function splitSpaces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    if (!isSpaceCode(codeAt(text, i))) {
      i++;
      continue;
    }
    out.push(text.slice(start, i));
    while (i < len && isSpaceCode(codeAt(text, i))) i++;
    start = i;
  }
  out.push(text.slice(start));
  return out;
}
