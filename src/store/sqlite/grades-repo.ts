import type Database from 'better-sqlite3';
import type { Db } from './open-workspace.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * Stored grades (migration 3): one row per trial and grader ('rule' or 'judge'). Re-grading replaces
 * a grader's own row; a judge grade never touches the rule grade. Human overrides live in
 * overrides-repo.ts and win over the rule grade in the `effective_grades` view.
 */
export type GraderKind = 'rule' | 'judge';
export type StoredOutcome = 'correct' | 'avoidant' | 'incorrect';

export interface TrialRef {
  runId: string;
  modelKey: string;
  itemId: string;
  templateId: string;
  sample: number;
}

export interface GradeRecord extends TrialRef {
  grader: GraderKind;
  outcome: StoredOutcome;
  avoidance: string | null;
  extracted: string | null;
  ruleId: string;
  graderVersion: string;
  rationale: string;
  /** The judge's model spec (never a key) for judge grades; null for rule grades. */
  judgeSpec: string | null;
  createdAt: string;
}

/** An answered trial that still needs a grade from a grader (none yet, or an older grader version). */
export interface UngradedTrial extends TrialRef {
  prompt: string;
  text: string;
  mode: 'chat' | 'completion';
}

interface GradeRow {
  run_id: string;
  model_key: string;
  item_id: string;
  template_id: string;
  sample: number;
  grader: GraderKind;
  outcome: StoredOutcome;
  avoidance: string | null;
  extracted: string | null;
  rule_id: string;
  grader_version: string;
  rationale: string;
  judge_spec: string | null;
  created_at: string;
}

const KEY = 'run_id, model_key, item_id, template_id, sample';

export class GradesRepo {
  private readonly upsertStmt: Statement;

  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO grades (${KEY}, grader, outcome, avoidance, extracted, rule_id, grader_version, rationale, judge_spec, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (${KEY}, grader) DO UPDATE SET outcome = excluded.outcome, avoidance = excluded.avoidance,
        extracted = excluded.extracted, rule_id = excluded.rule_id, grader_version = excluded.grader_version,
        rationale = excluded.rationale, judge_spec = excluded.judge_spec, created_at = excluded.created_at`);
  }

  save(g: GradeRecord): void {
    this.upsertStmt.run(g.runId, g.modelKey, g.itemId, g.templateId, g.sample, g.grader, g.outcome, g.avoidance,
      g.extracted, g.ruleId, g.graderVersion, g.rationale, g.judgeSpec, g.createdAt);
  }

  /** Saves many grades in one transaction (a crash loses at most the batch in hand, never half of it). */
  saveMany(grades: readonly GradeRecord[]): void {
    this.db.transaction(() => {
      for (const g of grades) this.save(g);
    })();
  }

  /**
   * Answered trials of a run without a grade from `grader`, or (with `unlessVersion`) whose grade came
   * from another grader version; streamed in key order. Iterate to the end before writing: SQLite
   * forbids writing through the same connection while a read statement is open, so callers collect a
   * batch, finish or pause reading, then write (gradeRun reads by pages).
   */
  ungradedPage(runId: string, grader: GraderKind, options: { unlessVersion?: string; after?: TrialRef; limit: number }): UngradedTrial[] {
    const version = options.unlessVersion ?? null;
    const a = options.after;
    const rows = this.db.prepare(`SELECT t.run_id, t.model_key, t.item_id, t.template_id, t.sample, t.prompt, t.text, t.mode
      FROM trials t LEFT JOIN grades g ON g.run_id = t.run_id AND g.model_key = t.model_key AND g.item_id = t.item_id
        AND g.template_id = t.template_id AND g.sample = t.sample AND g.grader = ?
      WHERE t.run_id = ? AND t.status = 'answered'
        AND (g.run_id IS NULL OR (? IS NOT NULL AND g.grader_version <> ?))
        ${a ? 'AND (t.model_key, t.item_id, t.template_id, t.sample) > (?, ?, ?, ?)' : ''}
      ORDER BY t.model_key, t.item_id, t.template_id, t.sample LIMIT ?`)
      .all(grader, runId, version, version, ...(a ? [a.modelKey, a.itemId, a.templateId, a.sample] : []), options.limit) as
      { run_id: string; model_key: string; item_id: string; template_id: string; sample: number; prompt: string; text: string; mode: 'chat' | 'completion' }[];
    return rows.map((r) => ({ runId: r.run_id, modelKey: r.model_key, itemId: r.item_id, templateId: r.template_id, sample: r.sample, prompt: r.prompt, text: r.text, mode: r.mode }));
  }

  get(ref: TrialRef, grader: GraderKind): GradeRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM grades WHERE run_id = ? AND model_key = ? AND item_id = ? AND template_id = ? AND sample = ? AND grader = ?`)
      .get(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample, grader) as GradeRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** Every grade of one grader for a run, streamed in key order. */
  *iterate(runId: string, grader: GraderKind): Generator<GradeRecord> {
    const stmt = this.db.prepare(`SELECT * FROM grades WHERE run_id = ? AND grader = ? ORDER BY model_key, item_id, template_id, sample`);
    for (const row of stmt.iterate(runId, grader) as IterableIterator<GradeRow>) yield toRecord(row);
  }
}

/** Effective outcome counts (overrides applied) per model of a run. */
export function countEffectiveOutcomes(db: Db, runId: string): { modelKey: string; correct: number; avoidant: number; incorrect: number }[] {
  return db.prepare(`SELECT model_key AS modelKey,
      SUM(outcome = 'correct') AS correct, SUM(outcome = 'avoidant') AS avoidant, SUM(outcome = 'incorrect') AS incorrect
    FROM effective_grades WHERE run_id = ? GROUP BY model_key ORDER BY model_key`).all(runId) as
    { modelKey: string; correct: number; avoidant: number; incorrect: number }[];
}

function toRecord(r: GradeRow): GradeRecord {
  return {
    runId: r.run_id, modelKey: r.model_key, itemId: r.item_id, templateId: r.template_id, sample: r.sample,
    grader: r.grader, outcome: r.outcome, avoidance: r.avoidance, extracted: r.extracted, ruleId: r.rule_id,
    graderVersion: r.grader_version, rationale: r.rationale, judgeSpec: r.judge_spec, createdAt: r.created_at,
  };
}
