/**
 * ARC's `question` field holds the stem followed by the options: "stem (A) one (B) two (C) three
 * (D) four". 269 questions label their options (1)…(4) instead, and 37 have 3 or 5 options.
 */

export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
const DIGITS = ['1', '2', '3', '4', '5'] as const;

export interface SplitQuestion {
  stem: string;
  /** Option texts in label order (3, 4 or 5 of them). */
  options: string[];
  /** Which labels the source used. */
  labelStyle: 'letters' | 'digits';
}

/**
 * Positions of every `(L)` at a label position: the start of the field or after a character that
 * is not a letter or digit (usually a space; one ARC question has "north?(A)").
 */
function labelPositions(text: string, label: string): number[] {
  const token = `(${label})`;
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(token, from);
    if (at < 0) return out;
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] as string)) out.push(at);
    from = at + 1;
  }
}

/**
 * Finds labels 1..k in order, matched from the right: the last (k), then the last (k-1) before it,
 * and so on. Matching from the right means a stem that mentions "(A)", or an option that mentions
 * another option's label ("vitamin (C)" inside option A), does not derail the split. Known limit:
 * a next label inside the last option ("(E)" inside option D) reads as one more option, so such a
 * question would be dropped as not having 4 options (none in ARC). Returns the label offsets.
 */
function chainFromRight(text: string, labels: readonly string[]): number[] | undefined {
  const starts: number[] = [];
  let limit = text.length;
  for (let k = labels.length - 1; k >= 0; k--) {
    const candidates = labelPositions(text, labels[k] as string).filter((p) => p < limit);
    const at = candidates[candidates.length - 1];
    if (at === undefined) return undefined;
    starts.unshift(at);
    limit = at;
  }
  return starts;
}

/**
 * Splits an ARC question into stem and options, or returns undefined when no label sequence fits.
 * Both label styles are tried; the one that yields more options wins (letters on a tie), so a
 * digit-labelled question whose text happens to mention "(A)" and "(B)" is still read correctly.
 */
export function splitArcQuestion(question: string): SplitQuestion | undefined {
  const letters = longestSplit(question, LETTERS, 'letters');
  const digits = longestSplit(question, DIGITS, 'digits');
  if (letters && digits) return digits.options.length > letters.options.length ? digits : letters;
  return letters ?? digits;
}

function longestSplit(question: string, labels: readonly string[], style: SplitQuestion['labelStyle']): SplitQuestion | undefined {
  // the most options first, so a 5-option question is not read as 4 options with a long last one
  for (let count = labels.length; count >= 2; count--) {
    const starts = chainFromRight(question, labels.slice(0, count));
    if (!starts) continue;
    const options = starts.map((start, k) => {
      const end = k + 1 < starts.length ? (starts[k + 1] as number) : question.length;
      return question.slice(start + 3, end).trim();
    });
    if (options.some((o) => o.length === 0)) continue;
    const stem = question.slice(0, starts[0]).trim();
    if (stem.length === 0) continue;
    return { stem, options, labelStyle: style };
  }
  return undefined;
}

/**
 * Normalises an ARC answer key to a 0-based option index: A–E and 1–5 both map to 0–4.
 * Returns undefined for anything else.
 */
export function answerKeyIndex(key: string): number | undefined {
  const k = key.trim().toUpperCase();
  const letter = (LETTERS as readonly string[]).indexOf(k);
  if (letter >= 0) return letter;
  const digit = (DIGITS as readonly string[]).indexOf(k);
  return digit >= 0 ? digit : undefined;
}
