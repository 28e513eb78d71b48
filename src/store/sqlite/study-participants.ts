import { Rng } from '../../core/rng.js';
import type { Db } from './open-workspace.js';
import { attentionChecks } from './study-attention.js';
import { newToken, tokenHash, tokenMatches, TOKEN_PATTERN } from './study-tokens.js';

/**
 * Participants of a study. Each gets a fixed sequence when created: k = items per participant pool
 * entries (participant n takes entries n·k … n·k + k − 1, wrapping around the pool, so the pool is
 * covered evenly) plus the attention checks, shuffled with the study seed and n. Everything a
 * participant can reach is keyed by their own id, found from their token.
 */
export interface ParticipantLink {
  label: string;
  token: string;
}

export interface ParticipantSession {
  participantId: number;
  studyId: string;
  kind: 'S1' | 'S2';
  title: string;
  studyStatus: 'open' | 'closed';
  label: string;
  answered: number;
  total: number;
}

interface StudyFacts {
  kind: 'S1' | 'S2';
  per_participant: number;
  attention_checks: number;
  settings_json: string;
  pool: number;
}

/** Creates `count` participants with their sequences; returns their tokens (not stored). */
export function addParticipants(db: Db, studyId: string, count: number, now: Date = new Date(), viaOpen = false): ParticipantLink[] {
  return db.transaction(() => {
    const study = db.prepare(`SELECT kind, per_participant, attention_checks, settings_json,
      (SELECT COUNT(*) FROM study_items WHERE study_id = s.id) AS pool FROM studies s WHERE id = ?`).get(studyId) as StudyFacts | undefined;
    if (study === undefined) throw new Error(`no study ${studyId}`);
    const seq0 = (db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 FROM study_participants WHERE study_id = ?').pluck().get(studyId) as number);
    const insert = db.prepare(`INSERT INTO study_participants (study_id, seq, label, token_hash, via_open, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const links: ParticipantLink[] = [];
    for (let i = 0; i < count; i++) {
      const seq = seq0 + i;
      const token = newToken();
      const label = `${viaOpen ? 'open' : 'P'}${seq + 1}`;
      const id = Number(insert.run(studyId, seq, label, tokenHash(token), viaOpen ? 1 : 0, now.toISOString()).lastInsertRowid);
      saveSequence(db, studyId, id, seq, study);
      links.push({ label, token });
    }
    return links;
  })();
}

function saveSequence(db: Db, studyId: string, participantId: number, seq: number, study: StudyFacts): void {
  const seed = (JSON.parse(study.settings_json) as { seed: string }).seed;
  const rng = Rng.fromSeed(seed, `participant:${seq}`);
  const k = Math.min(study.per_participant, study.pool);
  const items = Array.from({ length: k }, (_, t) => ({ item: (seq * k + t) % study.pool, check: null as string | null }));
  const checks = attentionChecks(study.kind, study.attention_checks, rng).map((c) => ({ item: null as number | null, check: JSON.stringify(c) }));
  const insert = db.prepare('INSERT INTO study_assignments (participant_id, position, study_id, item_position, attention_json) VALUES (?, ?, ?, ?, ?)');
  rng.shuffle([...items, ...checks]).forEach((a, position) => insert.run(participantId, position, studyId, a.item, a.check));
}

export type JoinResult = { token: string } | 'unknown' | 'closed' | 'full';

/** A new participant through a study's open link, unless the study is closed or the cap is reached. */
export function joinOpenLink(db: Db, openToken: string, now: Date = new Date()): JoinResult {
  if (!TOKEN_PATTERN.test(openToken)) return 'unknown';
  return db.transaction((): JoinResult => {
    const study = db.prepare('SELECT id, status, open_cap, open_token_hash FROM studies WHERE open_token_hash = ?').get(tokenHash(openToken)) as
      { id: string; status: string; open_cap: number; open_token_hash: string } | undefined;
    if (study === undefined || !tokenMatches(openToken, study.open_token_hash)) return 'unknown';
    if (study.status !== 'open') return 'closed';
    const joined = db.prepare('SELECT COUNT(*) FROM study_participants WHERE study_id = ? AND via_open = 1').pluck().get(study.id) as number;
    if (joined >= study.open_cap) return 'full';
    const [link] = addParticipants(db, study.id, 1, now, true);
    return { token: (link as ParticipantLink).token };
  }).immediate();
}

/** The participant a token belongs to, with their progress; undefined for any other string. */
export function findParticipant(db: Db, token: string): ParticipantSession | undefined {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const row = db.prepare(`SELECT p.id, p.token_hash, p.label, s.id AS study_id, s.kind, s.title, s.status,
      (SELECT COUNT(*) FROM study_responses r WHERE r.participant_id = p.id) AS answered,
      (SELECT COUNT(*) FROM study_assignments a WHERE a.participant_id = p.id) AS total
    FROM study_participants p JOIN studies s ON s.id = p.study_id WHERE p.token_hash = ?`).get(tokenHash(token)) as
    { id: number; token_hash: string; label: string; study_id: string; kind: 'S1' | 'S2'; title: string; status: 'open' | 'closed'; answered: number; total: number } | undefined;
  if (row === undefined || !tokenMatches(token, row.token_hash)) return undefined;
  return { participantId: row.id, studyId: row.study_id, kind: row.kind, title: row.title, studyStatus: row.status, label: row.label, answered: row.answered, total: row.total };
}

/** The study an open link belongs to (title and kind for its landing page), or undefined. */
export function findOpenStudy(db: Db, openToken: string): { id: string; title: string; kind: 'S1' | 'S2'; status: 'open' | 'closed' } | undefined {
  if (!TOKEN_PATTERN.test(openToken)) return undefined;
  const row = db.prepare('SELECT id, title, kind, status, open_token_hash FROM studies WHERE open_token_hash = ?').get(tokenHash(openToken)) as
    { id: string; title: string; kind: 'S1' | 'S2'; status: 'open' | 'closed'; open_token_hash: string } | undefined;
  if (row === undefined || !tokenMatches(openToken, row.open_token_hash)) return undefined;
  return { id: row.id, title: row.title, kind: row.kind, status: row.status };
}
