import type { Db } from './open-workspace.js';

/** Outcome counts of trials, as the viewer shows them (effective grades: overrides applied). */
export interface OutcomeCounts {
  correct: number;
  avoidant: number;
  incorrect: number;
  ungraded: number;
  error: number;
}

export interface ModelSummary extends OutcomeCounts {
  runId: string;
  modelKey: string;
  total: number;
}

export interface BinCounts extends OutcomeCounts {
  bin: number;
}

export interface DomainBins {
  modelKey: string;
  domain: string;
  total: number;
  bins: BinCounts[];
}

const SUMS = `SUM(CASE WHEN outcome = 'correct' THEN n ELSE 0 END) AS correct,
  SUM(CASE WHEN outcome = 'avoidant' THEN n ELSE 0 END) AS avoidant,
  SUM(CASE WHEN outcome = 'incorrect' THEN n ELSE 0 END) AS incorrect,
  SUM(CASE WHEN outcome = 'ungraded' THEN n ELSE 0 END) AS ungraded,
  SUM(CASE WHEN outcome = 'error' THEN n ELSE 0 END) AS error,
  SUM(n) AS total`;

/** Per run and model: outcome counts (from trial_counts, no scan over trials). */
export function modelSummaries(db: Db, runId?: string): ModelSummary[] {
  const where = runId === undefined ? '' : 'WHERE run_id = ?';
  return db.prepare(`SELECT run_id AS runId, model_key AS modelKey, ${SUMS} FROM trial_counts ${where}
    GROUP BY run_id, model_key ORDER BY run_id, model_key`).all(...(runId === undefined ? [] : [runId])) as ModelSummary[];
}

/** Per model × domain of a run: outcome counts in each difficulty bin that has trials. */
export function domainBins(db: Db, runId: string): DomainBins[] {
  const rows = db.prepare(`SELECT model_key AS modelKey, domain, bin, ${SUMS} FROM trial_counts WHERE run_id = ?
    GROUP BY model_key, domain, bin HAVING SUM(n) > 0 ORDER BY model_key, domain, bin`).all(runId) as (BinCounts & { modelKey: string; domain: string; total: number })[];
  const out: DomainBins[] = [];
  for (const r of rows) {
    let group = out[out.length - 1];
    if (group === undefined || group.modelKey !== r.modelKey || group.domain !== r.domain) {
      group = { modelKey: r.modelKey, domain: r.domain, total: 0, bins: [] };
      out.push(group);
    }
    group.total += r.total;
    group.bins.push({ bin: r.bin, correct: r.correct, avoidant: r.avoidant, incorrect: r.incorrect, ungraded: r.ungraded, error: r.error });
  }
  return out;
}

/** The values each filter can take in a run (for the filter form's choices; templates come from the domains). */
export interface FilterChoices {
  models: string[];
  domains: string[];
  templates: string[];
  avoidance: string[];
}

export function filterChoices(db: Db, runId: string, templatesOf: (domain: string) => readonly string[]): FilterChoices {
  const distinct = (column: string): string[] =>
    db.prepare(`SELECT DISTINCT ${column} FROM trial_counts WHERE run_id = ? AND n > 0 AND ${column} <> '' ORDER BY ${column}`).pluck().all(runId) as string[];
  const domains = distinct('domain');
  return { models: distinct('model_key'), domains, templates: domains.flatMap((d) => templatesOf(d)), avoidance: distinct('avoidance') };
}
