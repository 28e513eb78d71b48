import type Database from 'better-sqlite3';
import type { Db } from './open-workspace.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * Finished trials (migration 2). A trial's key is (run, model, item, template, sample); a row is
 * written once. The only overwrite allowed is an `error` row replaced by a later attempt (resume with
 * retryErrors): an `answered` row is never touched again, so re-running can never duplicate or alter it.
 */
export interface TrialRecord {
  runId: string;
  modelKey: string;
  itemId: string;
  templateId: string;
  sample: number;
  mode: 'chat' | 'completion';
  prompt: string;
  status: 'answered' | 'error';
  text: string | null;
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number;
  latencyMs: number;
  attempts: number;
  cached: boolean;
  /** The response_cache row holding the full response (raw body) for an answered trial. */
  responseKey: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  warnings: string[];
  createdAt: string;
}

export interface TrialCounts {
  total: number;
  answered: number;
  errors: number;
  cached: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

interface TrialRow {
  run_id: string;
  model_key: string;
  item_id: string;
  template_id: string;
  sample: number;
  mode: 'chat' | 'completion';
  prompt: string;
  status: 'answered' | 'error';
  text: string | null;
  finish_reason: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number;
  latency_ms: number;
  attempts: number;
  cached: number;
  response_key: string | null;
  error_code: string | null;
  error_message: string | null;
  warnings_json: string;
  created_at: string;
}

const COLUMNS = `run_id, model_key, item_id, template_id, sample, mode, prompt, status, text, finish_reason, input_tokens,
  output_tokens, cost_usd, latency_ms, attempts, cached, response_key, error_code, error_message, warnings_json, created_at`;
const REPLACEABLE = COLUMNS.split(',').map((c) => c.trim()).filter((c) => !['run_id', 'model_key', 'item_id', 'template_id', 'sample'].includes(c));

/** The in-memory form of a trial's key within one run and model. */
export function trialKeyString(itemId: string, templateId: string, sample: number): string {
  return `${itemId}\t${templateId}\t${sample}`;
}

/** Prepared statements over one connection; create once per run, not per trial. */
export class TrialsRepo {
  private readonly insertStmt: Statement;
  private readonly keysStmt: Statement;
  private readonly answeredKeysStmt: Statement;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO trials (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')})
      ON CONFLICT (run_id, model_key, item_id, template_id, sample) DO UPDATE SET
      ${REPLACEABLE.map((c) => `${c} = excluded.${c}`).join(', ')}
      WHERE trials.status = 'error'`);
    this.keysStmt = db.prepare('SELECT item_id, template_id, sample FROM trials WHERE run_id = ? AND model_key = ?').raw(true);
    this.answeredKeysStmt = db
      .prepare("SELECT item_id, template_id, sample FROM trials WHERE run_id = ? AND model_key = ? AND status = 'answered'")
      .raw(true);
  }

  /** Writes a trial unless an answered one with that key exists; true when a row was written. */
  save(t: TrialRecord): boolean {
    const info = this.insertStmt.run(
      t.runId, t.modelKey, t.itemId, t.templateId, t.sample, t.mode, t.prompt, t.status, t.text, t.finishReason,
      t.inputTokens, t.outputTokens, t.costUsd, t.latencyMs, t.attempts, t.cached ? 1 : 0, t.responseKey,
      t.errorCode, t.errorMessage, JSON.stringify(t.warnings), t.createdAt,
    );
    return info.changes === 1;
  }

  /** Keys (trialKeyString) already stored for a run and model; with answeredOnly, error rows are left out. */
  storedKeys(runId: string, modelKey: string, answeredOnly = false): Set<string> {
    const out = new Set<string>();
    const stmt = answeredOnly ? this.answeredKeysStmt : this.keysStmt;
    for (const row of stmt.iterate(runId, modelKey) as IterableIterator<[string, string, number]>) out.add(trialKeyString(row[0], row[1], row[2]));
    return out;
  }
}

export function countTrials(db: Db, runId: string, modelKey?: string): TrialCounts {
  const row = db
    .prepare(`SELECT COUNT(*) AS total,
        COALESCE(SUM(status = 'answered'), 0) AS answered,
        COALESCE(SUM(status = 'error'), 0) AS errors,
        COALESCE(SUM(cached), 0) AS cached,
        COALESCE(SUM(input_tokens), 0) AS inputTokens,
        COALESCE(SUM(output_tokens), 0) AS outputTokens,
        COALESCE(SUM(cost_usd), 0) AS costUsd
      FROM trials WHERE run_id = ? ${modelKey === undefined ? '' : 'AND model_key = ?'}`)
    .get(...(modelKey === undefined ? [runId] : [runId, modelKey])) as TrialCounts;
  return row;
}

/** A run's trials in key order, streamed (a run may hold millions). */
export function* iterateTrials(db: Db, runId: string, modelKey?: string): Generator<TrialRecord> {
  const stmt = db.prepare(`SELECT * FROM trials WHERE run_id = ? ${modelKey === undefined ? '' : 'AND model_key = ?'}
    ORDER BY model_key, item_id, template_id, sample`);
  for (const row of stmt.iterate(...(modelKey === undefined ? [runId] : [runId, modelKey])) as IterableIterator<TrialRow>) yield toRecord(row);
}

function toRecord(row: TrialRow): TrialRecord {
  return {
    runId: row.run_id,
    modelKey: row.model_key,
    itemId: row.item_id,
    templateId: row.template_id,
    sample: row.sample,
    mode: row.mode,
    prompt: row.prompt,
    status: row.status,
    text: row.text,
    finishReason: row.finish_reason,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_usd,
    latencyMs: row.latency_ms,
    attempts: row.attempts,
    cached: row.cached === 1,
    responseKey: row.response_key,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    warnings: JSON.parse(row.warnings_json) as string[],
    createdAt: row.created_at,
  };
}
