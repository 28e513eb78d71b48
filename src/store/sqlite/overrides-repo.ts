import { ReliabenchError } from '../../core/errors.js';
import type { StoredOutcome, TrialRef } from './grades-repo.js';
import type { Db } from './open-workspace.js';

/**
 * Human overrides of a grade (the viewer's "this grade is wrong" button), audited: every change is
 * a new row with who, when, the grade before and after, and why. Rows are never updated or deleted
 * (a trigger refuses updates); the newest row is the trial's effective grade.
 */
export interface OverrideRequest {
  who: string;
  reason: string;
  outcome: StoredOutcome;
  /** Required when outcome is 'avoidant' (one of the METHOD.md sub-types), else omitted. */
  avoidance?: string;
  at?: Date;
}

export interface OverrideRecord extends TrialRef {
  id: number;
  who: string;
  at: string;
  before: { outcome: string; avoidance: string | null };
  after: { outcome: StoredOutcome; avoidance: string | null };
  reason: string;
}

const AVOIDANCE = ['empty', 'echo', 'off-topic', 'epistemic', 'clarification', 'refusal', 'meta'];

/** Records an override of a trial's effective grade and returns the audit row. */
export function overrideGrade(db: Db, ref: TrialRef, request: OverrideRequest): OverrideRecord {
  const who = request.who.trim();
  const reason = request.reason.trim();
  if (who === '') throw new ReliabenchError('BAD_ARGUMENT', 'an override needs the name of who makes it');
  if (reason === '') throw new ReliabenchError('BAD_ARGUMENT', 'an override needs a reason');
  const avoidance = request.outcome === 'avoidant' ? request.avoidance ?? null : null;
  if (request.outcome === 'avoidant' && (avoidance === null || !AVOIDANCE.includes(avoidance))) {
    throw new ReliabenchError('BAD_ARGUMENT', `an avoidant override needs a sub-type: one of ${AVOIDANCE.join(', ')}`, { input: String(request.avoidance) });
  }
  return db.transaction(() => {
    const current = db.prepare(`SELECT outcome, avoidance FROM effective_grades
      WHERE run_id = ? AND model_key = ? AND item_id = ? AND template_id = ? AND sample = ?`)
      .get(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample) as { outcome: string; avoidance: string | null } | undefined;
    if (current === undefined) {
      throw new ReliabenchError('BAD_ARGUMENT', `no graded trial ${describe(ref)}; grade the run first (reliabench grade --run ${ref.runId})`);
    }
    const at = (request.at ?? new Date()).toISOString();
    const info = db.prepare(`INSERT INTO grade_overrides (run_id, model_key, item_id, template_id, sample, who, at,
        before_outcome, before_avoidance, after_outcome, after_avoidance, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample, who, at, current.outcome, current.avoidance,
        request.outcome, avoidance, reason);
    return {
      ...ref, id: Number(info.lastInsertRowid), who, at, reason,
      before: { outcome: current.outcome, avoidance: current.avoidance },
      after: { outcome: request.outcome, avoidance },
    };
  })();
}

interface OverrideRow {
  id: number;
  run_id: string;
  model_key: string;
  item_id: string;
  template_id: string;
  sample: number;
  who: string;
  at: string;
  before_outcome: string;
  before_avoidance: string | null;
  after_outcome: StoredOutcome;
  after_avoidance: string | null;
  reason: string;
}

/** The audit trail of a run (or of one trial), oldest first. */
export function listOverrides(db: Db, runId: string, ref?: TrialRef): OverrideRecord[] {
  const rows = (ref
    ? db.prepare(`SELECT * FROM grade_overrides WHERE run_id = ? AND model_key = ? AND item_id = ? AND template_id = ? AND sample = ? ORDER BY id`)
      .all(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample)
    : db.prepare('SELECT * FROM grade_overrides WHERE run_id = ? ORDER BY id').all(runId)) as OverrideRow[];
  return rows.map((r) => ({
    id: r.id, runId: r.run_id, modelKey: r.model_key, itemId: r.item_id, templateId: r.template_id, sample: r.sample,
    who: r.who, at: r.at, reason: r.reason,
    before: { outcome: r.before_outcome, avoidance: r.before_avoidance },
    after: { outcome: r.after_outcome, avoidance: r.after_avoidance },
  }));
}

function describe(ref: TrialRef): string {
  return `(run ${ref.runId}, model ${ref.modelKey}, item ${ref.itemId}, template ${ref.templateId}, sample ${ref.sample})`;
}
