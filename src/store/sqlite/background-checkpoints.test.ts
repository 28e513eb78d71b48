import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { checkpointInBackground, WRITER_CHECKPOINT_PAGES, WRITER_CHECKPOINT_PAGES_WITH_WORKER } from './background-checkpoints.js';
import { openWorkspace } from './open-workspace.js';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'rb-ckpt-')), 'workspace.sqlite');

/** Many small transactions, like a run's group commits: each one adds `perTx` rows of about 1 KB. */
function writeBatches(db: Database.Database, batches: number, perTx: number, from = 0): void {
  const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
  const tx = db.transaction((first: number) => {
    for (let i = first; i < first + perTx; i++) insert.run(i, `row ${i} ${'é\u0000"<x>'.repeat(150)}`);
  });
  for (let b = 0; b < batches; b++) tx(from + b * perTx);
}

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('checkpointInBackground', () => {
  it('copies the WAL into the database file from a worker while the writer keeps committing', async () => {
    const path = tmpFile();
    const db = openWorkspace(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const background = checkpointInBackground(db, { everyMs: 5 });
    expect(autocheckpoint(db)).toBe(WRITER_CHECKPOINT_PAGES_WITH_WORKER);
    for (let round = 0; round < 20; round++) {
      writeBatches(db, 10, 20, round * 200);
      await sleep(10); // a run's commits are spread over event-loop turns; the worker checkpoints between them
    }
    const stats = await background.stop();
    expect(stats.failure).toBeUndefined();
    expect(stats.checkpoints).toBeGreaterThan(1);
    // the last checkpoint (after the writes) left nothing behind in the WAL
    expect(stats.walFrames).toBeGreaterThan(0);
    expect(stats.backfilled).toBe(stats.walFrames);
    expect(autocheckpoint(db)).toBe(WRITER_CHECKPOINT_PAGES);
    // 4,000 rows of ~1 KB are in the database file itself, not only in the WAL
    expect(statSync(path).size).toBeGreaterThan(4_000 * 900);
    db.close();

    const reopened = new Database(path, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM t').get()).toEqual({ n: 4_000, lo: 0, hi: 3_999 });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('without the worker the WAL is only copied at the writer’s own threshold', () => {
    // the contrast that shows the test above measures the worker: the same writes with the raised
    // threshold and no worker leave every page in the WAL
    const path = tmpFile();
    const db = openWorkspace(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES_WITH_WORKER}`);
    writeBatches(db, 200, 20);
    expect(statSync(path).size).toBeLessThan(4_000 * 900);
    db.close();
  });

  it('falls back to the writer’s own checkpoints when the worker cannot open the store', async () => {
    const path = tmpFile();
    const db = openWorkspace(path);
    // a name the worker cannot open: the file it names does not exist
    const lying = new Proxy(db, { get: (target, key) => (key === 'name' ? `${path}.missing` : Reflect.get(target, key, target)) });
    const background = checkpointInBackground(lying as Database.Database);
    const stats = await background.stop();
    expect(stats.failure).toMatch(/unable to open|does not exist|SQLITE_CANTOPEN/i);
    expect(stats.checkpoints).toBe(0);
    expect(autocheckpoint(db)).toBe(WRITER_CHECKPOINT_PAGES);
    db.close();
  });

  it('does nothing for an in-memory store', async () => {
    const db = openWorkspace(':memory:');
    const stats = await checkpointInBackground(db).stop();
    expect(stats).toEqual({ checkpoints: 0, walFrames: 0, backfilled: 0 });
    db.close();
  });
});
