import type { DomainName, Item } from '../../core/item.js';
import type { Template } from '../../core/template.js';
import { canonicalJson, sha256Hex } from '../../core/hash.js';
import type { Db } from './open-workspace.js';

interface ItemRow {
  id: string;
  domain: string;
  input_json: string;
  gold_json: string;
  difficulty_json: string;
  chosen: string;
  calibrated: number;
  bin: number;
  source_json: string;
}

/** Stores items; an item already present (same id = same content) is left as it is. */
export function saveItems(db: Db, items: readonly Item[]): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO items
    (id, domain, input_json, gold_json, difficulty_json, chosen, calibrated, bin, source_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const item of items) {
      insert.run(
        item.id,
        item.domain,
        JSON.stringify(item.input),
        JSON.stringify(item.gold),
        JSON.stringify(item.difficulty.values),
        item.difficulty.chosen,
        item.difficulty.calibrated,
        item.difficulty.bin,
        JSON.stringify(item.source),
      );
    }
  })();
}

export function saveTemplates(db: Db, templates: readonly Template[]): void {
  const upsert = db.prepare(`INSERT INTO templates (id, domain, tags_json, text, cue) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET domain = excluded.domain, tags_json = excluded.tags_json, text = excluded.text, cue = excluded.cue`);
  db.transaction(() => {
    for (const t of templates) upsert.run(t.id, t.domain, JSON.stringify(t.tags), t.text, t.cue);
  })();
}

export interface ItemSetInfo {
  seed: string;
  domains: readonly DomainName[];
  perDomain: number;
}

/**
 * Records which items one `generate` produced, in order. The set id is a hash of the settings and the
 * item ids, so regenerating the same set is a no-op.
 */
export function saveItemSet(db: Db, info: ItemSetInfo, items: readonly Item[]): string {
  const ids = items.map((i) => i.id);
  const id = `set-${sha256Hex(canonicalJson({ ...info, ids })).slice(0, 16)}`;
  db.transaction(() => {
    const existing = db.prepare('SELECT 1 FROM item_sets WHERE id = ?').get(id);
    if (existing) return;
    db.prepare('INSERT INTO item_sets (id, seed, domains, per_domain, item_count, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, info.seed, info.domains.join(','), info.perDomain, ids.length, new Date().toISOString());
    const member = db.prepare('INSERT INTO item_set_members (set_id, position, item_id) VALUES (?, ?, ?)');
    ids.forEach((itemId, position) => member.run(id, position, itemId));
  })();
  return id;
}

export function loadItems(db: Db, filter: { domain?: DomainName; setId?: string } = {}): Item[] {
  const rows = (filter.setId
    ? db.prepare(`SELECT i.* FROM item_set_members m JOIN items i ON i.id = m.item_id WHERE m.set_id = ? ORDER BY m.position`).all(filter.setId)
    : filter.domain
      ? db.prepare('SELECT * FROM items WHERE domain = ? ORDER BY rowid').all(filter.domain)
      : db.prepare('SELECT * FROM items ORDER BY rowid').all()) as ItemRow[];
  return rows.map(rowToItem);
}

export function loadItemById(db: Db, id: string): Item | undefined {
  const row = db.prepare('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
  return row === undefined ? undefined : rowToItem(row);
}

/** The items a run's trials refer to, by id (a run may use several item sets, or items from a replay). */
export function loadRunItems(db: Db, runId: string): Map<string, Item> {
  const rows = db.prepare('SELECT * FROM items WHERE id IN (SELECT DISTINCT item_id FROM trials WHERE run_id = ?)').all(runId) as ItemRow[];
  return new Map(rows.map((r) => [r.id, rowToItem(r)]));
}

function rowToItem(row: ItemRow): Item {
  return {
    id: row.id,
    domain: row.domain as DomainName,
    input: JSON.parse(row.input_json) as Record<string, string>,
    gold: JSON.parse(row.gold_json) as unknown,
    difficulty: {
      values: JSON.parse(row.difficulty_json) as Record<string, number>,
      chosen: row.chosen,
      calibrated: row.calibrated,
      bin: row.bin,
    },
    source: JSON.parse(row.source_json) as Record<string, string | number>,
  };
}

/** The newest item set generated with these settings, if any. */
export function findItemSet(db: Db, info: ItemSetInfo): string | undefined {
  const row = db.prepare('SELECT id FROM item_sets WHERE seed = ? AND domains = ? AND per_domain = ? ORDER BY created_at DESC LIMIT 1')
    .get(info.seed, info.domains.join(','), info.perDomain) as { id: string } | undefined;
  return row?.id;
}
