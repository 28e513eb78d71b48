/**
 * Agreement between the rule grader and a judge on the same trials: the 3×3 confusion matrix
 * (rows: rule outcome, columns: judge outcome) and Cohen's kappa, κ = (p_o − p_e) / (1 − p_e), where
 * p_o is the observed share of agreement and p_e the agreement expected by chance from the two
 * graders' marginal shares. κ is undefined (null) when p_e = 1 (both graders used one outcome only).
 */
import type { Outcome } from '../grade-types.js';

export const OUTCOMES: readonly Outcome[] = ['correct', 'avoidant', 'incorrect'];

export interface Agreement {
  n: number;
  /** matrix[rule][judge]: the number of trials with that pair of outcomes. */
  matrix: Record<Outcome, Record<Outcome, number>>;
  /** Share of trials where both agree. */
  observed: number;
  kappa: number | null;
}

export function emptyMatrix(): Record<Outcome, Record<Outcome, number>> {
  return {
    correct: { correct: 0, avoidant: 0, incorrect: 0 },
    avoidant: { correct: 0, avoidant: 0, incorrect: 0 },
    incorrect: { correct: 0, avoidant: 0, incorrect: 0 },
  };
}

export function agreementOf(pairs: Iterable<{ rule: Outcome; judge: Outcome }>): Agreement {
  const matrix = emptyMatrix();
  let n = 0;
  for (const p of pairs) {
    matrix[p.rule][p.judge]++;
    n++;
  }
  return agreementFromMatrix(matrix, n);
}

export function agreementFromMatrix(matrix: Record<Outcome, Record<Outcome, number>>, n: number): Agreement {
  if (n === 0) return { n, matrix, observed: 0, kappa: null };
  let agree = 0;
  let chance = 0;
  for (const o of OUTCOMES) {
    agree += matrix[o][o];
    const ruleShare = OUTCOMES.reduce((s, j) => s + matrix[o][j], 0) / n;
    const judgeShare = OUTCOMES.reduce((s, r) => s + matrix[r][o], 0) / n;
    chance += ruleShare * judgeShare;
  }
  const observed = agree / n;
  const kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
  return { n, matrix, observed, kappa };
}

/** The matrix as aligned text lines for a terminal or a CI log. */
export function formatAgreement(a: Agreement): string[] {
  const width = Math.max(9, ...OUTCOMES.flatMap((r) => OUTCOMES.map((j) => String(a.matrix[r][j]).length + 1)));
  const pad = (s: string) => s.padStart(width);
  const lines = [`rule \\ judge ${OUTCOMES.map(pad).join('')}`];
  for (const r of OUTCOMES) lines.push(`${r.padEnd(13)}${OUTCOMES.map((j) => pad(String(a.matrix[r][j]))).join('')}`);
  const kappa = a.kappa === null ? 'undefined (one outcome only)' : a.kappa.toFixed(3);
  lines.push(`agreement ${(a.observed * 100).toFixed(1)}% of ${a.n}, Cohen's kappa ${kappa}`);
  return lines;
}
