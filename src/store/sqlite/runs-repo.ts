import { randomBytes } from 'node:crypto';
import type { Db } from './open-workspace.js';

/**
 * Runs and their models (migration 2). A run row is created once and keeps its id across resumes;
 * its status moves running → completed | stopped | failed, and back to running when resumed.
 * Nothing here holds a secret: specs are stored as typed, keys live in the environment only.
 */
export type StoredRunStatus = 'running' | 'completed' | 'stopped' | 'failed';

export interface RunRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: StoredRunStatus;
  statusReason: string | null;
  itemSetId: string | null;
  filter: unknown;
  config: unknown;
  totalTrials: number | null;
}

export interface RunModelRecord {
  modelKey: string;
  spec: string;
  provider: string;
  modelId: string;
  mode: 'chat' | 'completion';
  /** Generation settings per domain, as given. */
  settings: unknown;
  samples: number;
  metadata: Record<string, string | number | boolean>;
  pricing: { inputPerMTok: number; outputPerMTok: number } | null;
  /** Concurrency, timeout, retries, cache and stop-rule choices: how the run was executed. */
  execution: unknown;
}

export interface NewRun {
  id: string;
  itemSetId?: string | null;
  filter?: unknown;
  config?: unknown;
  totalTrials?: number | null;
}

interface RunRow {
  id: string;
  created_at: string;
  updated_at: string;
  status: StoredRunStatus;
  status_reason: string | null;
  item_set_id: string | null;
  filter_json: string;
  config_json: string;
  total_trials: number | null;
}

interface RunModelRow {
  model_key: string;
  spec: string;
  provider: string;
  model_id: string;
  mode: 'chat' | 'completion';
  settings_json: string;
  samples: number;
  metadata_json: string;
  pricing_json: string | null;
  execution_json: string;
}

/** e.g. `run-20261128-141503-3fa9`: sortable by start time, unique enough for one workspace. */
export function newRunId(now: Date = new Date(), suffix: string = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `run-${stamp}-${suffix}`;
}

/** Creates the run with status running; false (and no change) when a run with that id exists. */
export function createRun(db: Db, run: NewRun, now: Date = new Date()): boolean {
  const at = now.toISOString();
  const info = db
    .prepare(`INSERT OR IGNORE INTO runs (id, created_at, updated_at, status, status_reason, item_set_id, filter_json, config_json, total_trials)
      VALUES (?, ?, ?, 'running', NULL, ?, ?, ?, ?)`)
    .run(run.id, at, at, run.itemSetId ?? null, JSON.stringify(run.filter ?? {}), JSON.stringify(run.config ?? {}), run.totalTrials ?? null);
  return info.changes === 1;
}

export function getRun(db: Db, id: string): RunRecord | undefined {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  return row === undefined ? undefined : toRun(row);
}

/** Every run, newest first. */
export function listRuns(db: Db): RunRecord[] {
  return (db.prepare('SELECT * FROM runs ORDER BY created_at DESC, id DESC').all() as RunRow[]).map(toRun);
}

export function setRunStatus(db: Db, id: string, status: StoredRunStatus, reason: string | null = null, now: Date = new Date()): void {
  db.prepare('UPDATE runs SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, now.toISOString(), id);
}

export function setRunTotal(db: Db, id: string, totalTrials: number): void {
  db.prepare('UPDATE runs SET total_trials = ? WHERE id = ?').run(totalTrials, id);
}

/** Adds a model to a run; an existing row for that key is left as it is (returns false). */
export function saveRunModel(db: Db, runId: string, model: RunModelRecord): boolean {
  const info = db
    .prepare(`INSERT OR IGNORE INTO run_models
      (run_id, model_key, spec, provider, model_id, mode, settings_json, samples, metadata_json, pricing_json, execution_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      runId,
      model.modelKey,
      model.spec,
      model.provider,
      model.modelId,
      model.mode,
      JSON.stringify(model.settings),
      model.samples,
      JSON.stringify(model.metadata),
      model.pricing === null ? null : JSON.stringify(model.pricing),
      JSON.stringify(model.execution),
    );
  return info.changes === 1;
}

export function getRunModels(db: Db, runId: string): RunModelRecord[] {
  const rows = db.prepare('SELECT * FROM run_models WHERE run_id = ? ORDER BY rowid').all(runId) as RunModelRow[];
  return rows.map((row) => ({
    modelKey: row.model_key,
    spec: row.spec,
    provider: row.provider,
    modelId: row.model_id,
    mode: row.mode,
    settings: JSON.parse(row.settings_json) as unknown,
    samples: row.samples,
    metadata: JSON.parse(row.metadata_json) as Record<string, string | number | boolean>,
    pricing: row.pricing_json === null ? null : (JSON.parse(row.pricing_json) as RunModelRecord['pricing']),
    execution: JSON.parse(row.execution_json) as unknown,
  }));
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    status: row.status,
    statusReason: row.status_reason,
    itemSetId: row.item_set_id,
    filter: JSON.parse(row.filter_json) as unknown,
    config: JSON.parse(row.config_json) as unknown,
    totalTrials: row.total_trials,
  };
}
