import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export const DEFAULT_WORKSPACE = '.reliabench/workspace.sqlite';

/** The workspace file: --workspace, else RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite here. */
export function workspacePath(option?: string): string {
  return resolve(option ?? process.env['RELIABENCH_WORKSPACE'] ?? DEFAULT_WORKSPACE);
}

/** Opens (creating if needed) a workspace store and brings its schema up to date. */
export function openWorkspace(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MiB: bulk inserts of 100k+ rows stay in memory until commit
  } catch (cause) {
    throw new ReliabenchError('STORE_ERROR', `cannot open the workspace store ${path}: ${(cause as Error).message} (choose another with --workspace)`, { input: path, cause });
  }
  migrate(db, migrations);
  return db;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const current = schemaVersion(db);
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > newest) {
    throw new ReliabenchError('STORE_ERROR', `the workspace store has schema version ${current}, newer than this reliabench understands (${newest}); upgrade reliabench`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
