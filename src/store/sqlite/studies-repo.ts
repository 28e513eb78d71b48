import { randomBytes } from 'node:crypto';
import { ReliabenchError } from '../../core/errors.js';
import type { DomainName } from '../../core/item.js';
import { Rng } from '../../core/rng.js';
import type { Db } from './open-workspace.js';
import { addParticipants, type ParticipantLink } from './study-participants.js';
import { sampleS1Pool, sampleS2Pool, type PoolEntry } from './study-sampling.js';
import { newToken, tokenHash } from './study-tokens.js';

/**
 * Human studies (METHOD.md §6; docs/serve.md "Studies"): S1 asks people how hard items are, S2 asks
 * them to judge a model's answers. A study samples a pool (items or trials) stratified over
 * difficulty bins, then hands each participant a slice of the pool plus attention checks, through a
 * link with an unguessable token (only its SHA-256 is stored) or one open link with a cap.
 */
export type StudyKind = 'S1' | 'S2';
export type StudyStatus = 'open' | 'closed';

export interface StudySampling {
  /** Seed of the sampling and of each participant's order (hashed, like every seed here). */
  seed: string;
  /** Pool entries per (domain, bin) stratum, at most. */
  perBin: number;
  /** Only these domains (default: all with items or trials). */
  domains?: DomainName[];
  /** S2: only these models of the run (default: all). */
  models?: string[];
  /** S2: share of each stratum drawn from incorrect answers when there are enough (default 0.5). */
  wrongShare?: number;
  /** S1: only items a run used (default: every stored item). */
  itemsOfRun?: string;
}

export interface NewStudy {
  kind: StudyKind;
  title: string;
  /** S2: the run whose trials are judged. */
  runId?: string;
  /** Pool items each participant sees (attention checks come on top). */
  perParticipant: number;
  attentionChecks: number;
  /** Participant links to create now. */
  participants: number;
  /** One open link admitting at most this many participants (omit for none). */
  openCap?: number;
  sampling: StudySampling;
}

export interface StudyRecord {
  id: string;
  kind: StudyKind;
  title: string;
  createdAt: string;
  status: StudyStatus;
  runId: string | null;
  perParticipant: number;
  attentionChecks: number;
  openCap: number | null;
  settings: StudySampling;
  poolSize: number;
}

export interface CreatedStudy {
  study: StudyRecord;
  /** Participant links' tokens: shown once, never stored (only their hashes are). */
  links: ParticipantLink[];
  openToken: string | null;
}

export function createStudy(db: Db, input: NewStudy, now: Date = new Date()): CreatedStudy {
  checkNewStudy(input);
  const pool = input.kind === 'S2'
    ? sampleS2Pool(db, { ...input.sampling, runId: input.runId as string })
    : sampleS1Pool(db, input.sampling);
  if (pool.length === 0) {
    throw new ReliabenchError('BAD_ARGUMENT', input.kind === 'S2'
      ? `run ${input.runId} has no graded answers to judge${input.sampling.domains ? ' in these domains' : ''}; grade it first (reliabench grade --run ${input.runId})`
      : 'the workspace has no items to rate; generate some first (reliabench generate)');
  }
  const id = `study-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const openToken = input.openCap === undefined ? null : newToken();
  return db.transaction(() => {
    db.prepare(`INSERT INTO studies (id, kind, title, created_at, status, run_id, per_participant, attention_checks, open_token_hash, open_cap, settings_json)
      VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`).run(id, input.kind, input.title.trim(), now.toISOString(), input.kind === 'S2' ? input.runId : null,
      input.perParticipant, input.attentionChecks, openToken === null ? null : tokenHash(openToken), input.openCap ?? null, JSON.stringify(input.sampling));
    savePool(db, id, input.sampling.seed, pool);
    const links = addParticipants(db, id, input.participants, now);
    return { study: getStudy(db, id) as StudyRecord, links, openToken };
  })();
}

function checkNewStudy(input: NewStudy): void {
  const bad = (message: string): never => {
    throw new ReliabenchError('BAD_ARGUMENT', message);
  };
  if (input.title.trim() === '') bad('a study needs a title');
  if (input.kind === 'S2' && !input.runId) bad('an S2 study judges the answers of one run: choose the run');
  if (!Number.isInteger(input.perParticipant) || input.perParticipant < 1 || input.perParticipant > 500) bad('items per participant: a whole number from 1 to 500');
  if (!Number.isInteger(input.attentionChecks) || input.attentionChecks < 0 || input.attentionChecks > 20) bad('attention checks: a whole number from 0 to 20');
  if (!Number.isInteger(input.participants) || input.participants < 0 || input.participants > 1000) bad('participant links: a whole number from 0 to 1000');
  if (input.openCap !== undefined && (!Number.isInteger(input.openCap) || input.openCap < 1 || input.openCap > 10_000)) bad('open link cap: a whole number from 1 to 10000');
  if (input.participants === 0 && input.openCap === undefined) bad('a study needs participant links, an open link, or both');
  if (!Number.isInteger(input.sampling.perBin) || input.sampling.perBin < 1 || input.sampling.perBin > 1000) bad('items per difficulty bin: a whole number from 1 to 1000');
  const share = input.sampling.wrongShare;
  if (share !== undefined && !(share >= 0 && share <= 1)) bad('share of wrong answers: a number from 0 to 1');
}

/** Saves the pool in a seeded random order, so each participant's slice spreads over domains and bins. */
function savePool(db: Db, studyId: string, seed: string, sampled: readonly PoolEntry[]): void {
  const pool = Rng.fromSeed(seed, 'pool-order').shuffle(sampled);
  const insert = db.prepare(`INSERT INTO study_items (study_id, position, item_id, domain, bin, model_key, template_id, sample)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  pool.forEach((p, position) => insert.run(studyId, position, p.itemId, p.domain, p.bin, p.modelKey ?? null, p.templateId ?? null, p.sample ?? null));
}

interface StudyRow {
  id: string;
  kind: StudyKind;
  title: string;
  created_at: string;
  status: StudyStatus;
  run_id: string | null;
  per_participant: number;
  attention_checks: number;
  open_cap: number | null;
  settings_json: string;
  pool_size: number;
}

const SELECT_STUDY = `SELECT s.*, (SELECT COUNT(*) FROM study_items i WHERE i.study_id = s.id) AS pool_size FROM studies s`;

export function getStudy(db: Db, id: string): StudyRecord | undefined {
  const row = db.prepare(`${SELECT_STUDY} WHERE s.id = ?`).get(id) as StudyRow | undefined;
  return row === undefined ? undefined : toStudy(row);
}

/** Every study, newest first. */
export function listStudies(db: Db): StudyRecord[] {
  return (db.prepare(`${SELECT_STUDY} ORDER BY s.created_at DESC, s.id DESC`).all() as StudyRow[]).map(toStudy);
}

export function setStudyStatus(db: Db, id: string, status: StudyStatus): boolean {
  return db.prepare('UPDATE studies SET status = ? WHERE id = ?').run(status, id).changes === 1;
}

function toStudy(r: StudyRow): StudyRecord {
  return {
    id: r.id, kind: r.kind, title: r.title, createdAt: r.created_at, status: r.status, runId: r.run_id,
    perParticipant: r.per_participant, attentionChecks: r.attention_checks, openCap: r.open_cap,
    settings: JSON.parse(r.settings_json) as StudySampling, poolSize: r.pool_size,
  };
}
