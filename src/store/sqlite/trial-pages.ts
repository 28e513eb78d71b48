import type { Db } from './open-workspace.js';
import { cellIds, countMatching, filterClause, walkCells, type TrialFilter } from './trial-queries.js';

/** One row of a trial list: the key, the facets, a snippet of the answer and the extracted answer. */
export interface TrialListRow {
  id: number;
  modelKey: string;
  itemId: string;
  templateId: string;
  sample: number;
  domain: string;
  bin: number;
  outcome: string;
  avoidance: string;
  /** The first characters of the response (untrusted text), or the error message. */
  snippet: string;
  extracted: string | null;
}

export interface TrialPage {
  rows: TrialListRow[];
  total: number;
  /** Cursors for the next and previous pages (facet ids), null at either end. */
  next: number | null;
  prev: number | null;
}

export const SNIPPET_CHARS = 200;

/**
 * A page of trials after `after`, or before `before` (going back), or the last page (`last`).
 * Without a cursor: the first page. `total` may be passed in when the caller has it cached.
 */
export function listTrialPage(db: Db, filter: TrialFilter, page: { after?: number; before?: number; last?: boolean; limit: number; total?: number }): TrialPage {
  const backward = page.before !== undefined || page.last === true;
  const ids = collectIds(db, filter, backward ? page.before : page.after, backward ? 'backward' : 'forward', page.limit + 1);
  const more = ids.length > page.limit;
  const shown = ids.slice(0, page.limit);
  if (backward) shown.reverse();
  const rows = loadRows(db, shown);
  const first = rows[0]?.id ?? null;
  const lastId = rows[rows.length - 1]?.id ?? null;
  const atStart = backward ? !more : page.after === undefined;
  const atEnd = backward ? page.last === true : !more;
  return { rows, total: page.total ?? countMatching(db, filter), next: atEnd ? null : lastId, prev: atStart ? null : first };
}

function collectIds(db: Db, filter: TrialFilter, cursor: number | undefined, direction: 'forward' | 'backward', want: number): number[] {
  const ids: number[] = [];
  walkCells(db, filter, cursor, direction, (cell, bound) => {
    ids.push(...cellIds(db, filter, cell, bound, direction, want - ids.length));
    return ids.length >= want;
  });
  return ids;
}

export interface SearchPage {
  rows: TrialListRow[];
  /** Trials (matching the filter) whose text this request read. */
  scanned: number;
  /** Continue the search after this facet id; null when every trial has been searched. */
  next: number | null;
}

/** Facet ids one search request looks at, at most; and of those, trials whose text it reads. */
export const SEARCH_WINDOW = 200_000;
export const SEARCH_READS = 8_000;
const SEARCH_BATCH = 1_000;

/**
 * Text search (case-insensitive for ASCII) in the response, the prompt and the item id, within a
 * filter, in the order trials were stored. One request looks at a bounded window of the store (at most
 * SEARCH_WINDOW facet ids, and the text of at most SEARCH_READS matching trials) and says where to
 * continue, so searching millions of trials is a series of short requests, never one long one.
 */
export function searchTrialPage(db: Db, filter: TrialFilter, query: string, page: { after?: number; limit: number }): SearchPage {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = filterClause(filter, 'f');
  if (filter.templateId !== undefined) {
    where.sql += ' AND f.template_id = ?';
    where.params.push(filter.templateId);
  }
  const start = page.after ?? 0;
  const windowEnd = start + SEARCH_WINDOW;
  const candidates = db.prepare(`SELECT f.id FROM trial_facets f NOT INDEXED WHERE f.id > ? AND f.id <= ? AND ${where.sql} ORDER BY f.id LIMIT ${SEARCH_BATCH}`).pluck();
  const check = db.prepare(`SELECT f.id, (t.text LIKE @pattern ESCAPE '\\' OR t.prompt LIKE @pattern ESCAPE '\\' OR f.item_id LIKE @pattern ESCAPE '\\') AS hit
    FROM trial_facets f JOIN trials t ON t.run_id = f.run_id AND t.model_key = f.model_key AND t.item_id = f.item_id
      AND t.template_id = f.template_id AND t.sample = f.sample
    WHERE f.id IN (SELECT value FROM json_each(@ids)) ORDER BY f.id`).raw(true);
  const hits: number[] = [];
  let scanned = 0;
  let cursor = start;
  for (;;) {
    const ids = candidates.all(cursor, windowEnd, ...where.params) as number[];
    for (const [id, hit] of check.all({ pattern, ids: JSON.stringify(ids) }) as [number, number][]) {
      scanned++;
      cursor = id;
      if (hit === 1) hits.push(id);
      if (hits.length >= page.limit) return { rows: loadRows(db, hits), scanned, next: id };
    }
    if (ids.length < SEARCH_BATCH) {
      cursor = windowEnd;
      break;
    }
    if (scanned >= SEARCH_READS) break;
  }
  const maxId = db.prepare('SELECT COALESCE(MAX(id), 0) FROM trial_facets').pluck().get() as number;
  const next = cursor >= maxId ? null : cursor;
  return { rows: loadRows(db, hits), scanned, next };
}

/** The list rows of these facet ids, in the given order. */
export function loadRows(db: Db, ids: readonly number[]): TrialListRow[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT f.id, f.model_key AS modelKey, f.item_id AS itemId, f.template_id AS templateId, f.sample, f.domain, f.bin,
      f.outcome, f.avoidance, COALESCE(substr(t.text, 1, ${SNIPPET_CHARS}), t.error_code || ': ' || substr(COALESCE(t.error_message, ''), 1, ${SNIPPET_CHARS})) AS snippet,
      g.extracted
    FROM trial_facets f JOIN trials t ON t.run_id = f.run_id AND t.model_key = f.model_key AND t.item_id = f.item_id
      AND t.template_id = f.template_id AND t.sample = f.sample
    LEFT JOIN grades g ON g.run_id = f.run_id AND g.model_key = f.model_key AND g.item_id = f.item_id
      AND g.template_id = f.template_id AND g.sample = f.sample AND g.grader = 'rule'
    WHERE f.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as TrialListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is TrialListRow => r !== undefined);
}
