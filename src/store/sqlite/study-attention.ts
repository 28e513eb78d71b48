import type { Rng } from '../../core/rng.js';

/**
 * Attention checks [ours]: instructed-response items mixed into each participant's sequence. They
 * look like the study's other items but say which answer to give; the expected answer stays on the
 * server. A participant who misses any check is left out of the analyses' inputs (the exports keep
 * them, flagged), as is common practice for online studies.
 */
export type Verdict = 'correct' | 'incorrect' | 'avoidant' | 'unsure';
export const VERDICTS: readonly Verdict[] = ['correct', 'incorrect', 'avoidant', 'unsure'];
export const VERDICT_LABELS: Record<Verdict, string> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  avoidant: 'No real answer',
  unsure: 'Not sure',
};

/** S1's rating scale: five labelled points mapped onto the 0–100 difficulty axis. */
export const RATING_SCALE: readonly { value: number; label: string }[] = [
  { value: 0, label: 'Very easy' },
  { value: 25, label: 'Easy' },
  { value: 50, label: 'Moderate' },
  { value: 75, label: 'Hard' },
  { value: 100, label: 'Very hard' },
];

export interface AttentionCheck {
  /** What the participant reads in place of a question. */
  prompt: string;
  /** S2 only: what stands in the place of the model's answer. */
  answer?: string;
  /** The verdict (S2) or rating (S1) the instructions ask for. */
  expected: Verdict | number;
}

export function attentionChecks(kind: 'S1' | 'S2', count: number, rng: Rng): AttentionCheck[] {
  const out: AttentionCheck[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === 'S2') {
      const expected = rng.pick(VERDICTS);
      out.push({
        prompt: `This item checks that the instructions are read. Whatever the answer below says, choose “${VERDICT_LABELS[expected]}”.`,
        answer: 'This is not a real answer: please follow the instruction above.',
        expected,
      });
    } else {
      const point = rng.pick([RATING_SCALE[0], RATING_SCALE[RATING_SCALE.length - 1]]) as { value: number; label: string };
      out.push({ prompt: `This item checks that the instructions are read. Please choose “${point.label}” for it.`, expected: point.value });
    }
  }
  return out;
}
