import type { FailureExample, GradedTrial, ModelMetadata } from '../../analysis/analysis-types.js';
import type { DomainName } from '../../core/item.js';
import type { AvoidanceType, Outcome } from '../../grading/grade-types.js';
import type { Db } from './open-workspace.js';

/**
 * What the analyses read from a run: its effective grades (human overrides applied) with each item's
 * calibrated difficulty, streamed — a run may hold millions of trials, and GradedTrial carries no text.
 */
export function* iterateGradedTrials(db: Db, runId: string): Generator<GradedTrial> {
  const stmt = db.prepare(`SELECT g.model_key, i.domain, g.item_id, g.template_id, g.sample, i.calibrated, i.bin, g.outcome, g.avoidance
    FROM effective_grades g JOIN items i ON i.id = g.item_id WHERE g.run_id = ?`).raw(true);
  type Row = [string, DomainName, string, string, number, number, number, Outcome, AvoidanceType | null];
  for (const r of stmt.iterate(runId) as IterableIterator<Row>) {
    yield { modelKey: r[0], domain: r[1], itemId: r[2], templateId: r[3], sample: r[4], difficulty: r[5], bin: r[6], outcome: r[7], avoidance: r[8] };
  }
}

export function countGraded(db: Db, runId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM effective_grades WHERE run_id = ?').get(runId) as { n: number }).n;
}

/** Item id → the raw value of the domain's chosen difficulty function (for S1 recalibration). */
export function chosenDifficultyValues(db: Db, runId: string): Map<string, number> {
  const rows = db.prepare(`SELECT id, chosen, difficulty_json FROM items WHERE id IN (SELECT DISTINCT item_id FROM trials WHERE run_id = ?)`)
    .all(runId) as { id: string; chosen: string; difficulty_json: string }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const value = (JSON.parse(r.difficulty_json) as Record<string, number>)[r.chosen];
    if (typeof value === 'number') out.set(r.id, value);
  }
  return out;
}

/** The model metadata given in the config (family, size, compute, shaping), per model key. */
export function runModelMetadata(db: Db, runId: string): Record<string, ModelMetadata> {
  const rows = db.prepare('SELECT model_key, metadata_json FROM run_models WHERE run_id = ?').all(runId) as { model_key: string; metadata_json: string }[];
  return Object.fromEntries(rows.map((r) => [r.model_key, JSON.parse(r.metadata_json) as ModelMetadata]));
}

/** The `perGroup` easiest incorrect answers of each model × domain, easiest first (the report's examples). */
export function easiestFailures(db: Db, runId: string, perGroup = 3): FailureExample[] {
  const rows = db.prepare(`SELECT * FROM (
      SELECT g.model_key, i.domain, g.item_id, g.template_id, i.calibrated, t.prompt, t.text, g.extracted, g.rationale,
        ROW_NUMBER() OVER (PARTITION BY g.model_key, i.domain ORDER BY i.calibrated, g.item_id, g.template_id, g.sample) AS rank
      FROM effective_grades g
      JOIN items i ON i.id = g.item_id
      JOIN trials t ON t.run_id = g.run_id AND t.model_key = g.model_key AND t.item_id = g.item_id AND t.template_id = g.template_id AND t.sample = g.sample
      WHERE g.run_id = ? AND g.outcome = 'incorrect')
    WHERE rank <= ? ORDER BY model_key, domain, rank`).all(runId, perGroup) as {
      model_key: string; domain: DomainName; item_id: string; template_id: string; calibrated: number; prompt: string; text: string; extracted: string | null; rationale: string;
    }[];
  return rows.map((r) => ({
    modelKey: r.model_key, domain: r.domain, itemId: r.item_id, templateId: r.template_id, difficulty: r.calibrated,
    prompt: r.prompt, response: r.text, extracted: r.extracted, rationale: r.rationale,
  }));
}
