import { describe, expect, it } from 'vitest';
import { mkdtempSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, schemaVersion } from './open-workspace.js';
import { loadItems, saveItems, saveItemSet, saveTemplates } from './items-repo.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Item } from '../../core/item.js';
import { ReliabenchError } from '../../core/errors.js';

function item(id: string, domain: Item['domain'] = 'addition'): Item {
  return {
    id, domain,
    input: { a: '12', b: '<script>alert(1)</script> "quoted" \u0000 ünïcode' },
    gold: { sum: '99', nested: [1, { x: null }] },
    difficulty: { values: { f_cry: 3, digits_max: 2 }, chosen: 'f_cry', calibrated: 3, bin: 0 },
    source: { row: 4, file: 'x.csv' },
  };
}

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'rb-store-')), 'workspace.sqlite');

describe('workspace store', () => {
  it('creates a real SQLite file in WAL mode at the newest schema version', () => {
    const path = tmpFile();
    const db = openWorkspace(path);
    expect(schemaVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const raw = new Database(path, { readonly: true });
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['items', 'templates', 'item_sets', 'item_set_members', 'schema_migrations']));
    raw.close();
  });

  it('applies only new migrations when reopened, so later issues can add tables', () => {
    const path = tmpFile();
    openWorkspace(path).close();
    const next: Migration = { version: 99, name: 'a later table', sql: 'CREATE TABLE later_table (id TEXT PRIMARY KEY) STRICT;' };
    const db = openWorkspace(path, [...MIGRATIONS, next]);
    expect(schemaVersion(db)).toBe(99);
    db.prepare('INSERT INTO later_table VALUES (?)').run('t1');
    db.close();
    const again = openWorkspace(path, [...MIGRATIONS, next]); // does not re-run (would fail: table exists)
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length + 1 });
    again.close();
  });

  it('refuses a store from a newer reliabench', () => {
    const path = tmpFile();
    const db = openWorkspace(path, [...MIGRATIONS, { version: 50, name: 'future', sql: 'SELECT 1;' }]);
    db.close();
    expect(() => openWorkspace(path)).toThrow(/newer than this reliabench understands/);
  });

  it('rolls back a failing migration completely', () => {
    const path = tmpFile();
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    const bad: Migration = { version: newest + 1, name: 'half', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE items (oops);' };
    expect(() => openWorkspace(path, [...MIGRATIONS, bad])).toThrow();
    const db = openWorkspace(path);
    expect(schemaVersion(db)).toBe(newest);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('round-trips items exactly, including nasty text, and ignores re-inserts of the same id', () => {
    const db = openWorkspace(tmpFile());
    const items = [item('addition-1'), item('anagram-2', 'anagram')];
    saveItems(db, items);
    saveItems(db, items);
    expect(loadItems(db)).toEqual(items);
    expect(loadItems(db, { domain: 'anagram' })).toEqual([items[1]]);
    db.close();
  });

  it('records item sets in order, once per identical generation', () => {
    const db = openWorkspace(tmpFile());
    const items = [item('addition-b'), item('addition-a')];
    saveItems(db, items);
    const info = { seed: '7', domains: ['addition'] as const, perDomain: 2 };
    const id1 = saveItemSet(db, info, items);
    const id2 = saveItemSet(db, info, items);
    expect(id2).toBe(id1);
    expect(loadItems(db, { setId: id1 }).map((i) => i.id)).toEqual(['addition-b', 'addition-a']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM item_sets').get()).toEqual({ n: 1 });
    db.close();
  });

  it('stores templates and updates them in place', () => {
    const db = openWorkspace(tmpFile());
    saveTemplates(db, [{ id: 'addition-01', domain: 'addition', tags: ['question'], text: 'What is {a} + {b}?', cue: 'Answer:' }]);
    saveTemplates(db, [{ id: 'addition-01', domain: 'addition', tags: ['question'], text: 'Sum {a} and {b}.', cue: 'Answer:' }]);
    expect(db.prepare('SELECT text FROM templates').all()).toEqual([{ text: 'Sum {a} and {b}.' }]);
    db.close();
  });

  it('gives a one-line typed error when the store cannot be opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-store-'));
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    chmodSync(notADir, 0o400);
    const err = (() => { try { openWorkspace(join(notADir, 'w.sqlite')); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ReliabenchError);
    expect((err as ReliabenchError).code).toBe('STORE_ERROR');
    expect((err as Error).message).not.toContain('\n');
  });
});
