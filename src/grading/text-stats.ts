/** Small text measures used on every response, written as plain loops (they run on every grade). */

const NON_ASCII_VISIBLE = /[\p{L}\p{N}]/u;

function visibleAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_VISIBLE.test(text[i] as string);
}

/** Letters and digits in a text (any script). */
export function countVisible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (visibleAt(text, i)) n++;
  return n;
}

/** Whether a text has any letter or digit. */
export function hasVisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (visibleAt(text, i)) return true;
  return false;
}
