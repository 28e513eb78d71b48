import { foldText } from './plain-text.js';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

/** What a science item is graded against. */
export interface ScienceGold {
  /** The correct option's letter. */
  answer: OptionLetter;
  /** The correct option's text, exactly as shown to the model. */
  answerText: string;
  /** The four option texts, in the order shown (A, B, C, D). */
  options: string[];
}

/** Whitespace collapsed, trimmed, one trailing full stop dropped; `fold` also lower-cases. */
function normalise(text: string, fold: boolean): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '').trim();
  return fold ? foldText(t) : t;
}

/**
 * Whether `answer` is the gold option's text. Case is ignored unless another option differs from
 * the gold one only by case (genotypes "Bb Bb" vs "BB Bb"): then the case must match too.
 */
export function matchesGoldText(gold: ScienceGold, answer: string): boolean {
  const goldFolded = normalise(gold.answerText, true);
  const caseMatters = gold.options.some(
    (o) => normalise(o, true) === goldFolded && normalise(o, false) !== normalise(gold.answerText, false),
  );
  return caseMatters
    ? normalise(answer, false) === normalise(gold.answerText, false)
    : normalise(answer, true) === goldFolded;
}

const LETTER_ONLY = /^\(?([a-d])\)?[.:)]?$/i;
const LETTER_THEN_TEXT = /^\(?([a-d])[.:)]\)?\s+(.+)$/is;

/**
 * Whether an extracted answer is correct: the gold letter alone ("B", "b", "(B)", "B.", "B)"), the
 * gold option's text (see matchesGoldText), or the gold letter followed by the gold text ("B. food").
 * A letter with a different option's text is a contradiction and is not correct.
 */
export function checkScienceAnswer(gold: ScienceGold, answer: string): boolean {
  const a = answer.trim();
  const letter = LETTER_ONLY.exec(a);
  if (letter) return (letter[1] as string).toUpperCase() === gold.answer || matchesGoldText(gold, a);
  if (matchesGoldText(gold, a)) return true;
  const both = LETTER_THEN_TEXT.exec(a);
  return both !== null && (both[1] as string).toUpperCase() === gold.answer && matchesGoldText(gold, both[2] as string);
}
