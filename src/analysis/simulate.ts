/**
 * Simulated respondents with known behaviour, for recovery tests, benchmarks and report tests.
 *
 * Item j of n gets a difficulty stratified-uniform on the range (one draw in each of n equal
 * slices), so the items follow the uniform distribution closely. Under template t the chance of a
 * correct answer is the logistic σ((midpoint − d)/scale + offset_t); a non-correct answer is
 * avoidant with probability v(d), linear from `avoidance.easiest` at d = 0 to `avoidance.hardest`
 * at d = 100, and incorrect otherwise. One uniform draw decides each trial. Item difficulties
 * depend on the seed and domain only (every model answers the same items); outcomes have a stream
 * per model × domain. The `true…` helpers give the population values the analysis should recover.
 */
import { binOf, type DomainName } from '../core/item.js';
import { Rng } from '../core/rng.js';
import type { GradedTrial } from './analysis-types.js';

export interface SimulatedRespondent {
  modelKey: string;
  domain: DomainName;
  items: number;
  /** Templates per item (default 15). */
  templates?: number;
  /** Samples per item × template (default 1). */
  samples?: number;
  /** Difficulty at which a template with offset 0 is right half the time. */
  midpoint: number;
  /** Difficulty units per logit: larger = a flatter curve. */
  scale: number;
  /** Share of the non-correct answers that are avoidant, at difficulty 0 and 100 (linear between). */
  avoidance: { easiest: number; hardest: number };
  /** Logit offset per template (default all 0); a negative one makes a worse template. */
  templateOffsets?: readonly number[];
  /** Range of item difficulties (default [0, 100]). */
  difficultyRange?: readonly [number, number];
}

const templatesOf = (s: SimulatedRespondent): number => s.templates ?? 15;
const offsetOf = (s: SimulatedRespondent, t: number): number => s.templateOffsets?.[t] ?? 0;
const rangeOf = (s: SimulatedRespondent): readonly [number, number] => s.difficultyRange ?? [0, 100];

export function correctProbability(s: SimulatedRespondent, difficulty: number, template: number): number {
  return 1 / (1 + Math.exp(-((s.midpoint - difficulty) / s.scale + offsetOf(s, template))));
}

export function avoidanceRate(s: SimulatedRespondent, difficulty: number): number {
  return s.avoidance.easiest + ((s.avoidance.hardest - s.avoidance.easiest) * difficulty) / 100;
}

export function templateId(domain: DomainName, t: number): string {
  return `${domain}-${String(t + 1).padStart(2, '0')}`;
}

/** The simulated items' ids and difficulties (the same for every model of a domain and seed). */
export function simulatedItems(s: SimulatedRespondent, seed: string): { id: string; difficulty: number; bin: number }[] {
  const rng = Rng.fromSeed(seed, `simulate-items:${s.domain}`);
  const [lo, hi] = rangeOf(s);
  return Array.from({ length: s.items }, (_, j) => {
    const difficulty = Math.round((lo + ((hi - lo) * (j + rng.float())) / s.items) * 1e6) / 1e6;
    return { id: `${s.domain}-sim${String(j).padStart(6, '0')}`, difficulty, bin: binOf(difficulty) };
  });
}

export function* simulateTrials(s: SimulatedRespondent, seed: string): Generator<GradedTrial> {
  const rng = Rng.fromSeed(seed, `simulate:${s.modelKey}:${s.domain}`);
  const nT = templatesOf(s);
  const samples = s.samples ?? 1;
  const templateIds = Array.from({ length: nT }, (_, t) => templateId(s.domain, t));
  for (const item of simulatedItems(s, seed)) {
    const v = avoidanceRate(s, item.difficulty);
    for (let t = 0; t < nT; t++) {
      const c = correctProbability(s, item.difficulty, t);
      for (let sample = 0; sample < samples; sample++) {
        const u = rng.float();
        const outcome = u < c ? 'correct' : u - c < (1 - c) * v ? 'avoidant' : 'incorrect';
        yield {
          modelKey: s.modelKey,
          domain: s.domain,
          itemId: item.id,
          templateId: templateIds[t] as string,
          sample,
          difficulty: item.difficulty,
          bin: item.bin,
          outcome,
          avoidance: outcome === 'avoidant' ? 'epistemic' : null,
        };
      }
    }
  }
}

/** All trials of several respondents, in order. */
export function simulate(respondents: readonly SimulatedRespondent[], seed: string): GradedTrial[] {
  const out: GradedTrial[] = [];
  for (const s of respondents) for (const t of simulateTrials(s, seed)) out.push(t);
  return out;
}

const STEPS_PER_UNIT = 200;

/** Population shares over items with difficulty ≤ upTo (uniform on the range), averaged over templates. */
export function trueRates(s: SimulatedRespondent, upTo = 100): { correct: number; avoidant: number; incorrect: number } {
  const [lo, hi] = rangeOf(s);
  const top = Math.max(lo, Math.min(hi, upTo));
  const steps = Math.max(1, Math.ceil((top - lo) * STEPS_PER_UNIT));
  let c = 0;
  let a = 0;
  for (let k = 0; k < steps; k++) {
    const d = lo + ((k + 0.5) * (top - lo)) / steps; // midpoint rule
    const v = avoidanceRate(s, d);
    for (let t = 0; t < templatesOf(s); t++) {
      const p = correctProbability(s, d, t);
      c += p;
      a += (1 - p) * v;
    }
  }
  const total = steps * templatesOf(s);
  return { correct: c / total, avoidant: a / total, incorrect: 1 - c / total - a / total };
}

/** The population i / (a + i) over all items and templates. */
export function trueUltracrepidarian(s: SimulatedRespondent): number {
  const r = trueRates(s);
  return r.incorrect / (r.avoidant + r.incorrect);
}

/**
 * The true safe region: the first difficulty D at which the population incorrect rate over items
 * ≤ D reaches ε (null when it does at once; the top of the range when never), to within 0.01.
 */
export function trueSafeDifficulty(s: SimulatedRespondent, epsilon: number): number | null {
  const [lo, hi] = rangeOf(s);
  const rate = (d: number): number => trueRates(s, d).incorrect;
  let below = lo;
  for (let d = lo + 1; d <= hi + 1e-9; d += 1) {
    if (rate(d) >= epsilon) return bisect(rate, epsilon, below, d, lo);
    below = d;
  }
  return hi;
}

function bisect(f: (d: number) => number, target: number, lo: number, hi: number, start: number): number | null {
  if (lo === start && f(lo + 1e-3) >= target) return null;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= target) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
