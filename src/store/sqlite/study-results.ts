import type { DifficultyRating, SupervisionJudgement } from '../../analysis/analysis-types.js';
import type { Db } from './open-workspace.js';

/**
 * Study results for the analyses and the exports. S2 judgements carry the trial's effective grade at
 * load time (so later overrides flow through) and the item's stored difficulty and bin; S1 ratings
 * carry the item's chosen raw difficulty value, which the calibration fits. Participants who missed an
 * attention check are left out of both unless asked for; the exports keep everyone, flagged.
 */
const FAILED = `SELECT DISTINCT a.participant_id FROM study_assignments a
  JOIN study_responses r ON r.participant_id = a.participant_id AND r.position = a.position
  WHERE a.attention_json IS NOT NULL AND COALESCE(r.verdict, r.rating) IS NOT json_extract(a.attention_json, '$.expected')`;

const POOL_JOIN = `FROM study_responses r
  JOIN study_assignments a ON a.participant_id = r.participant_id AND a.position = r.position
  JOIN study_items si ON si.study_id = a.study_id AND si.position = a.item_position
  JOIN studies s ON s.id = si.study_id
  JOIN items i ON i.id = si.item_id`;

export interface ResultOptions {
  /** Keep participants who missed an attention check (default false). */
  includeFailedAttention?: boolean;
}

/** Every S2 judgement of pool trials (of one run, if given), in study, participant and position order. */
export function loadSupervisionJudgements(db: Db, runId?: string, options: ResultOptions = {}): SupervisionJudgement[] {
  const rows = db.prepare(`SELECT si.model_key AS modelKey, i.domain, si.item_id AS itemId, si.template_id AS templateId, si.sample,
      i.calibrated AS difficulty, i.bin, e.outcome, r.verdict
    ${POOL_JOIN}
    JOIN effective_grades e ON e.run_id = s.run_id AND e.model_key = si.model_key AND e.item_id = si.item_id
      AND e.template_id = si.template_id AND e.sample = si.sample
    WHERE s.kind = 'S2' ${runId === undefined ? '' : 'AND s.run_id = @runId'}
      ${options.includeFailedAttention ? '' : `AND r.participant_id NOT IN (${FAILED})`}
    ORDER BY s.id, r.participant_id, r.position`).all(runId === undefined ? {} : { runId }) as SupervisionJudgement[];
  return rows;
}

/** Every S1 rating of pool items, in study, participant and position order. */
export function loadDifficultyRatings(db: Db, options: ResultOptions = {}): DifficultyRating[] {
  return db.prepare(`SELECT i.domain, si.item_id AS itemId, json_extract(i.difficulty_json, '$."' || i.chosen || '"') AS chosenValue, r.rating
    ${POOL_JOIN}
    WHERE s.kind = 'S1' AND r.rating IS NOT NULL
      ${options.includeFailedAttention ? '' : `AND r.participant_id NOT IN (${FAILED})`}
    ORDER BY s.id, r.participant_id, r.position`).all() as DifficultyRating[];
}

/** One exported response: the same columns for S1 and S2 (empty where they do not apply). */
export interface StudyResponseRow {
  study_id: string;
  kind: string;
  participant: string;
  participant_finished: boolean;
  attention_passed: boolean;
  position: number;
  attention_check: boolean;
  expected: string | number | null;
  item_id: string | null;
  domain: string | null;
  bin: number | null;
  difficulty: number | null;
  chosen_value: number | null;
  model_key: string | null;
  template_id: string | null;
  sample: number | null;
  outcome: string | null;
  verdict: string | null;
  rating: number | null;
  shown_at: string;
  answered_at: string;
  ms: number;
}

export const RESPONSE_COLUMNS: readonly (keyof StudyResponseRow)[] = [
  'study_id', 'kind', 'participant', 'participant_finished', 'attention_passed', 'position', 'attention_check', 'expected', 'item_id', 'domain',
  'bin', 'difficulty', 'chosen_value', 'model_key', 'template_id', 'sample', 'outcome', 'verdict', 'rating', 'shown_at', 'answered_at', 'ms',
];

/** Every response of a study (attention checks included), in participant and position order. */
export function studyResponseRows(db: Db, studyId: string): StudyResponseRow[] {
  const rows = db.prepare(`SELECT s.id AS study_id, s.kind, p.label AS participant, p.finished_at IS NOT NULL AS participant_finished,
      p.id NOT IN (${FAILED}) AS attention_passed, r.position, a.attention_json IS NOT NULL AS attention_check,
      json_extract(a.attention_json, '$.expected') AS expected, si.item_id, i.domain, i.bin, i.calibrated AS difficulty,
      json_extract(i.difficulty_json, '$."' || i.chosen || '"') AS chosen_value, si.model_key, si.template_id, si.sample,
      e.outcome, r.verdict, r.rating, r.shown_at, r.answered_at, r.ms
    FROM study_responses r
    JOIN study_participants p ON p.id = r.participant_id
    JOIN studies s ON s.id = p.study_id
    JOIN study_assignments a ON a.participant_id = r.participant_id AND a.position = r.position
    LEFT JOIN study_items si ON si.study_id = a.study_id AND si.position = a.item_position
    LEFT JOIN items i ON i.id = si.item_id
    LEFT JOIN effective_grades e ON e.run_id = s.run_id AND e.model_key = si.model_key AND e.item_id = si.item_id
      AND e.template_id = si.template_id AND e.sample = si.sample
    WHERE s.id = ? ORDER BY p.seq, r.position`).all(studyId) as (Omit<StudyResponseRow, 'participant_finished' | 'attention_passed' | 'attention_check'> & Record<'participant_finished' | 'attention_passed' | 'attention_check', number>)[];
  return rows.map((r) => ({ ...r, participant_finished: r.participant_finished === 1, attention_passed: r.attention_passed === 1, attention_check: r.attention_check === 1 }));
}

export interface ParticipantProgress {
  label: string;
  viaOpen: boolean;
  answered: number;
  total: number;
  finishedAt: string | null;
  attentionPassed: boolean;
}

export function participantProgress(db: Db, studyId: string): ParticipantProgress[] {
  const rows = db.prepare(`SELECT p.label, p.via_open AS viaOpen, p.finished_at AS finishedAt,
      (SELECT COUNT(*) FROM study_responses r WHERE r.participant_id = p.id) AS answered,
      (SELECT COUNT(*) FROM study_assignments a WHERE a.participant_id = p.id) AS total,
      p.id NOT IN (${FAILED}) AS attentionPassed
    FROM study_participants p WHERE p.study_id = ? ORDER BY p.seq`).all(studyId) as (Omit<ParticipantProgress, 'viaOpen' | 'attentionPassed'> & { viaOpen: number; attentionPassed: number })[];
  return rows.map((r) => ({ ...r, viaOpen: r.viaOpen === 1, attentionPassed: r.attentionPassed === 1 }));
}
