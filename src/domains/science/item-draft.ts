import type { ItemDraft } from '../../core/item.js';
import { MMLU_SUBJECT_TIERS } from './difficulty-scale.js';
import { OPTION_LETTERS, type ScienceGold } from './check.js';
import type { BankQuestion } from './question-bank.js';

/** "A. …\nB. …\nC. …\nD. …" */
export function formatOptions(options: readonly string[]): string {
  return options.map((o, i) => `${OPTION_LETTERS[i]}. ${o}`).join('\n');
}

/** "(A) … (B) … (C) … (D) …" — the way ARC prints them. */
export function formatOptionsInline(options: readonly string[]): string {
  return options.map((o, i) => `(${OPTION_LETTERS[i]}) ${o}`).join(' ');
}

/** One bank question as an item draft; the options keep their source order, so the key does too. */
export function toDraft(q: BankQuestion): ItemDraft<ScienceGold> {
  const answer = OPTION_LETTERS[q.answerIndex];
  if (answer === undefined) throw new Error(`science: answer index ${q.answerIndex} out of range`);
  const source: Record<string, string | number> = { ...q.source };
  if (q.bank === 'MMLU' && typeof q.source['subject'] === 'string') {
    source['tier'] = MMLU_SUBJECT_TIERS[q.source['subject'] as keyof typeof MMLU_SUBJECT_TIERS];
  }
  return {
    input: {
      question: q.stem,
      options: formatOptions(q.options),
      options_inline: formatOptionsInline(q.options),
    },
    gold: { answer, answerText: q.options[q.answerIndex] as string, options: [...q.options] },
    difficulty: { ...q.difficulty },
    source,
  };
}
