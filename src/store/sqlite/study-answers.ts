import type { Db } from './open-workspace.js';
import { RATING_SCALE, VERDICTS, type AttentionCheck, type Verdict } from './study-attention.js';

/**
 * What a participant sees and answers, one item at a time. The first unanswered position of their
 * sequence is the current one; showing it stamps `shown_at` (so a resumed item is timed from when it
 * was shown again) and an answer is accepted only for the current position, once.
 */
export type ShownItem =
  | { position: number; kind: 'S2'; attention: boolean; prompt: string; answer: string }
  | { position: number; kind: 'S1'; attention: false; domain: string; input: Record<string, string> }
  | { position: number; kind: 'S1'; attention: true; prompt: string };

export type StudyAnswer = { verdict: Verdict } | { rating: number };

export type AnswerResult = 'ok' | 'closed' | 'unknown-position' | 'already-answered' | 'not-current' | 'invalid-answer';

interface CurrentRow {
  position: number;
  kind: 'S1' | 'S2';
  item_position: number | null;
  attention_json: string | null;
  study_id: string;
}

function current(db: Db, participantId: number): CurrentRow | undefined {
  return db.prepare(`SELECT a.position, s.kind, a.item_position, a.attention_json, a.study_id
    FROM study_assignments a JOIN studies s ON s.id = a.study_id
    WHERE a.participant_id = ? AND NOT EXISTS (SELECT 1 FROM study_responses r WHERE r.participant_id = a.participant_id AND r.position = a.position)
    ORDER BY a.position LIMIT 1`).get(participantId) as CurrentRow | undefined;
}

/** The participant's current item (stamping when it was shown), or undefined when they are done. */
export function showCurrentItem(db: Db, participantId: number, now: Date = new Date()): ShownItem | undefined {
  const row = current(db, participantId);
  if (row === undefined) return undefined;
  db.prepare('UPDATE study_assignments SET shown_at = ? WHERE participant_id = ? AND position = ?').run(now.toISOString(), participantId, row.position);
  if (row.attention_json !== null) {
    const check = JSON.parse(row.attention_json) as AttentionCheck;
    return row.kind === 'S2'
      ? { position: row.position, kind: 'S2', attention: true, prompt: check.prompt, answer: check.answer ?? '' }
      : { position: row.position, kind: 'S1', attention: true, prompt: check.prompt };
  }
  const entry = db.prepare('SELECT * FROM study_items WHERE study_id = ? AND position = ?').get(row.study_id, row.item_position) as
    { item_id: string; domain: string; model_key: string | null; template_id: string | null; sample: number | null };
  if (row.kind === 'S2') {
    const trial = db.prepare(`SELECT t.prompt, t.text FROM trials t JOIN studies s ON s.run_id = t.run_id
      WHERE s.id = ? AND t.model_key = ? AND t.item_id = ? AND t.template_id = ? AND t.sample = ?`)
      .get(row.study_id, entry.model_key, entry.item_id, entry.template_id, entry.sample) as { prompt: string; text: string | null } | undefined;
    return { position: row.position, kind: 'S2', attention: false, prompt: trial?.prompt ?? '(this trial is no longer in the store)', answer: trial?.text ?? '' };
  }
  const input = db.prepare('SELECT input_json FROM items WHERE id = ?').pluck().get(entry.item_id) as string | undefined;
  return { position: row.position, kind: 'S1', attention: false, domain: entry.domain, input: input === undefined ? {} : (JSON.parse(input) as Record<string, string>) };
}

/** Records an answer to the current position; anything else changes nothing and says why. */
export function recordAnswer(db: Db, participantId: number, position: number, answer: StudyAnswer, now: Date = new Date()): AnswerResult {
  return db.transaction((): AnswerResult => {
    const assignment = db.prepare(`SELECT a.shown_at, s.kind, s.status FROM study_assignments a JOIN studies s ON s.id = a.study_id
      WHERE a.participant_id = ? AND a.position = ?`).get(participantId, position) as { shown_at: string | null; kind: 'S1' | 'S2'; status: string } | undefined;
    if (assignment === undefined) return 'unknown-position';
    if (assignment.status !== 'open') return 'closed';
    if (db.prepare('SELECT 1 FROM study_responses WHERE participant_id = ? AND position = ?').get(participantId, position)) return 'already-answered';
    const now_ = current(db, participantId);
    if (now_ === undefined || now_.position !== position || assignment.shown_at === null) return 'not-current';
    const verdict = 'verdict' in answer ? answer.verdict : null;
    const rating = 'rating' in answer ? answer.rating : null;
    if (assignment.kind === 'S2' ? verdict === null || !VERDICTS.includes(verdict) : rating === null || !RATING_SCALE.some((p) => p.value === rating)) {
      return 'invalid-answer';
    }
    const ms = Math.max(0, now.getTime() - Date.parse(assignment.shown_at));
    db.prepare(`INSERT INTO study_responses (participant_id, position, verdict, rating, shown_at, answered_at, ms) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(participantId, position, verdict, rating, assignment.shown_at, now.toISOString(), ms);
    if (current(db, participantId) === undefined) {
      db.prepare('UPDATE study_participants SET finished_at = ? WHERE id = ?').run(now.toISOString(), participantId);
    }
    return 'ok';
  }).immediate();
}
