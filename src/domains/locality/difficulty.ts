import type { DifficultyFunction } from '../../core/domain.js';

export const LOCALITY_DIFFICULTY_FUNCTIONS: readonly DifficultyFunction[] = [
  { name: 'f_pop', description: "inverse popularity of the anchor: −log10(anchor population); higher = less known = harder" },
  { name: 'log_pop_rank', description: "log10 of the anchor's population rank among all GeoNames towns (1 = largest); higher = harder" },
  { name: 'radius_km', description: 'search radius in km; smaller radius = fewer valid answers = harder' },
  { name: 'log_gold_count', description: 'log10 of the number of valid answers; lower = harder' },
  { name: 'log_top_answer_pop', description: 'log10 population of the largest valid answer; lower = no well-known answer = harder' },
];

/**
 * The default calibration: f_pop mapped linearly from log10 population 7.4 (just above GeoNames'
 * largest, Shanghai at 22.3 M → 10^7.35) to 3 (a town of 1,000, the default floor), clamped:
 * calibrated = 100 · (7.4 + f_pop) / 4.4. Non-decreasing in f_pop and depending on nothing else.
 */
export const CALIBRATION_LOG_POP = { easiest: 7.4, hardest: 3 } as const;

export function calibrateLocality(values: Record<string, number>): number {
  const fPop = values.f_pop;
  if (fPop === undefined || !Number.isFinite(fPop)) throw new Error('locality calibrate: values.f_pop is missing or not finite');
  const { easiest, hardest } = CALIBRATION_LOG_POP;
  const t = (easiest + fPop) / (easiest - hardest);
  return Math.min(100, Math.max(0, 100 * t));
}

/** The candidate difficulty values of one item. */
export function localityDifficulty(input: {
  anchorPopulation: number;
  anchorRank: number;
  radiusKm: number;
  goldCount: number;
  topAnswerPopulation: number;
}): Record<string, number> {
  return {
    f_pop: -Math.log10(Math.max(1, input.anchorPopulation)),
    log_pop_rank: Math.log10(input.anchorRank),
    radius_km: input.radiusKm,
    log_gold_count: Math.log10(input.goldCount),
    log_top_answer_pop: Math.log10(Math.max(1, input.topAnswerPopulation)),
  };
}
