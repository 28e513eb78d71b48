/**
 * Supervision (study S2, METHOD.md §6): how often people accept a model's wrong answers as correct,
 * and the safe region under supervision.
 *
 * Definitions [ours]:
 * - A *wrong answer* is a judged trial whose grader outcome is `incorrect`; it is *accepted* when the
 *   person's verdict is `correct` (`incorrect`, `avoidant` and `unsure` are not acceptance: an unsure
 *   person would check). Per bin: accepted / wrong judged, with a Wilson interval; bins without a
 *   judged wrong answer are not listed.
 * - The supervised failure rate over trials ≤ d is P(incorrect) · P(accepted | incorrect). Its upper
 *   bound is the product of two one-sided Clopper–Pearson bounds at confidence 1 − α/2 each: the
 *   incorrect rate over all trials ≤ d, and the acceptance rate over the judged wrong answers ≤ d
 *   (1 when none is judged: no evidence that people catch anything). By the union bound both hold
 *   together with confidence ≥ 1 − α, and so does their product. The lower bound is the product of
 *   the lower bounds. This assumes the judged wrong answers ≤ d are a random sample of the wrong
 *   answers ≤ d (S2 samples them at random within bins). The scan is the one of safe-region.ts.
 */
import { BIN_COUNT } from '../core/item.js';
import type { SafeRegion, SupervisionBin, SupervisionJudgement } from './analysis-types.js';
import { binRange } from './bins.js';
import { scanSafeRegion, type CumulativeBound } from './safe-region.js';
import { clopperPearsonLower, clopperPearsonUpper } from './stats/clopper-pearson.js';
import { wilson } from './stats/wilson.js';
import { INCORRECT, OUTCOMES } from './trial-table.js';

export interface SupervisionResult {
  bins: SupervisionBin[];
  safeRegion: SafeRegion;
}

/**
 * @param judgements one model × domain's judgements
 * @param trialCounts the group's trials per bin, counts[bin · 3 + outcome]
 * @param binOf the bin of a judged item (after any recalibration); falls back to the judgement's own bin
 */
export function supervision(
  judgements: readonly SupervisionJudgement[],
  trialCounts: Int32Array,
  options: { epsilon: number; alpha: number; confidence?: number; binOf?: (itemId: string) => number | undefined },
): SupervisionResult {
  const wrong = new Int32Array(BIN_COUNT);
  const accepted = new Int32Array(BIN_COUNT);
  for (const j of judgements) {
    if (j.outcome !== 'incorrect') continue;
    const bin = options.binOf?.(j.itemId) ?? j.bin;
    if (!Number.isInteger(bin) || bin < 0 || bin >= BIN_COUNT) throw new RangeError(`supervision: judgement of ${j.itemId} has bin ${bin}`);
    wrong[bin] = (wrong[bin] as number) + 1;
    if (j.verdict === 'correct') accepted[bin] = (accepted[bin] as number) + 1;
  }
  const bins: SupervisionBin[] = [];
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const w = wrong[bin] as number;
    if (w > 0) bins.push({ bin, ...binRange(bin), wrongJudged: w, acceptedAsCorrect: wilson(accepted[bin] as number, w, options.confidence) });
  }
  return { bins, safeRegion: supervisedSafeRegion(trialCounts, wrong, accepted, options.epsilon, options.alpha) };
}

function supervisedSafeRegion(counts: Int32Array, wrong: Int32Array, accepted: Int32Array, epsilon: number, alpha: number): SafeRegion {
  const each = 1 - alpha / 2;
  const bounds: CumulativeBound[] = [];
  let n = 0, incorrect = 0, judged = 0, acc = 0;
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const base = bin * OUTCOMES;
    const binN = (counts[base] as number) + (counts[base + 1] as number) + (counts[base + 2] as number);
    judged += wrong[bin] as number;
    acc += accepted[bin] as number;
    if (binN === 0) continue;
    n += binN;
    incorrect += counts[base + INCORRECT] as number;
    const accUpper = judged > 0 ? clopperPearsonUpper(acc, judged, each) : 1;
    const accLower = judged > 0 ? clopperPearsonLower(acc, judged, each) : 0;
    bounds.push({
      bin,
      upper: clopperPearsonUpper(incorrect, n, each) * accUpper,
      lower: clopperPearsonLower(incorrect, n, each) * accLower,
    });
  }
  return scanSafeRegion(bounds, epsilon, alpha);
}
