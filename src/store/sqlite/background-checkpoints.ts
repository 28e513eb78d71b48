import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './open-workspace.js';

/**
 * WAL checkpoints on a worker thread, for long stretches of writes (a run).
 *
 * SQLite normally checkpoints inside a commit once the WAL passes 1000 pages: the committing thread
 * copies those pages into the database file and waits for two fsyncs. During a run that thread is the
 * one asking the model, so every request waits too: a 12,000-trial run against the benchmarks' instant
 * server took 6.25 s with the writer checkpointing and 5.78 s with this (means of 4, alternating).
 * While this is on, a worker thread with its own connection runs a PASSIVE checkpoint every few tens
 * of milliseconds, which never blocks the writer, and the writer's own threshold is raised so it only
 * checkpoints if the worker falls far behind. Stopping restores the threshold. If the worker fails,
 * the writer simply checkpoints for itself again: nothing is lost, it is only slower.
 */
export interface BackgroundCheckpoints {
  /** Ends the worker after a last checkpoint; resolves with what it did (never rejects). */
  stop(): Promise<CheckpointStats>;
}

export interface CheckpointStats {
  /** Checkpoints that copied at least one page. */
  checkpoints: number;
  /** The last checkpoint's view: pages in the WAL and how many of them are in the database file. */
  walFrames: number;
  backfilled: number;
  /** Why the worker stopped early, if it did. */
  failure?: string;
}

/** The writer's own threshold (SQLite's default) and the raised one while the worker checkpoints. */
export const WRITER_CHECKPOINT_PAGES = 1000;
export const WRITER_CHECKPOINT_PAGES_WITH_WORKER = 20_000;

// Plain CommonJS, run with `eval`, so the same code works from TypeScript sources (tests) and from dist.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const stats = { checkpoints: 0, walFrames: 0, backfilled: 0 };
const checkpoint = () => {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  // a WAL shorter than last time was restarted by the writer: its pages count from 0 again
  const before = r.log < stats.walFrames ? 0 : stats.backfilled;
  if (r.checkpointed > before) stats.checkpoints++;
  stats.walFrames = r.log;
  stats.backfilled = r.checkpointed;
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage(stats);
});
`;

export function checkpointInBackground(db: Db, options: { everyMs?: number } = {}): BackgroundCheckpoints {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') {
    return { stop: () => Promise.resolve({ checkpoints: 0, walFrames: 0, backfilled: 0 }) };
  }
  const restore = (): void => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  };
  db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES_WITH_WORKER}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path: db.name, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? 50 },
  });
  let stats: CheckpointStats = { checkpoints: 0, walFrames: 0, backfilled: 0 };
  const ended = new Promise<void>((resolve) => {
    worker.once('message', (s: CheckpointStats) => (stats = s));
    worker.once('error', (error: unknown) => {
      stats = { ...stats, failure: describe(error) };
      restore();
    });
    worker.once('exit', () => resolve());
  });
  return {
    async stop() {
      worker.postMessage('stop');
      await ended;
      restore();
      return stats;
    },
  };
}

/** A worker's error arrives structured-cloned: a SqliteError becomes a plain object with only its `code`. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}
