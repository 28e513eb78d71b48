import type { GradeRecord, TrialRef } from './grades-repo.js';
import { GradesRepo } from './grades-repo.js';
import type { Db } from './open-workspace.js';
import { listOverrides, type OverrideRecord } from './overrides-repo.js';

/** Everything the viewer's trial page shows (all text untrusted). */
export interface TrialDetail {
  ref: TrialRef;
  facetId: number | null;
  mode: string;
  prompt: string;
  status: 'answered' | 'error';
  text: string | null;
  finishReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  createdAt: string;
  item: { domain: string; bin: number; calibrated: number; chosen: string; gold: unknown; input: unknown } | null;
  rule: GradeRecord | undefined;
  judge: GradeRecord | undefined;
  effective: { outcome: string; avoidance: string | null } | undefined;
  overrides: OverrideRecord[];
}

export function trialDetail(db: Db, ref: TrialRef): TrialDetail | undefined {
  const t = db.prepare(`SELECT t.*, f.id AS facet_id FROM trials t LEFT JOIN trial_facets f ON f.run_id = t.run_id AND f.model_key = t.model_key
      AND f.item_id = t.item_id AND f.template_id = t.template_id AND f.sample = t.sample
    WHERE t.run_id = ? AND t.model_key = ? AND t.item_id = ? AND t.template_id = ? AND t.sample = ?`)
    .get(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample) as Record<string, string | number | null> | undefined;
  if (t === undefined) return undefined;
  const item = db.prepare('SELECT domain, bin, calibrated, chosen, gold_json, input_json FROM items WHERE id = ?').get(ref.itemId) as
    { domain: string; bin: number; calibrated: number; chosen: string; gold_json: string; input_json: string } | undefined;
  const grades = new GradesRepo(db);
  const effective = db.prepare(`SELECT outcome, avoidance FROM effective_grades WHERE run_id = ? AND model_key = ? AND item_id = ? AND template_id = ? AND sample = ?`)
    .get(ref.runId, ref.modelKey, ref.itemId, ref.templateId, ref.sample) as { outcome: string; avoidance: string | null } | undefined;
  return {
    ref, facetId: t['facet_id'] as number | null, mode: t['mode'] as string, prompt: t['prompt'] as string, status: t['status'] as 'answered' | 'error',
    text: t['text'] as string | null, finishReason: t['finish_reason'] as string | null, errorCode: t['error_code'] as string | null,
    errorMessage: t['error_message'] as string | null, latencyMs: t['latency_ms'] as number, inputTokens: t['input_tokens'] as number | null,
    outputTokens: t['output_tokens'] as number | null, createdAt: t['created_at'] as string,
    item: item === undefined ? null : { domain: item.domain, bin: item.bin, calibrated: item.calibrated, chosen: item.chosen, gold: JSON.parse(item.gold_json) as unknown, input: JSON.parse(item.input_json) as unknown },
    rule: grades.get(ref, 'rule'), judge: grades.get(ref, 'judge'), effective, overrides: listOverrides(db, ref.runId, ref),
  };
}
