import type { Db } from './open-workspace.js';

/**
 * The viewer's trial lists over millions of trials, never loading them all (docs/serve.md).
 *
 * A filter selects cells of `trial_counts` (run, model, domain, bin, outcome, avoidance); a run has a
 * few thousand. A page walks the matching cells in key order and reads each cell's trial ids from
 * the `trial_facets_cell` index, ordered by template then id (with a template filter: that template's
 * ids), so a page of 50 costs a few index seeks whatever the filter. The list order is therefore
 * model, domain, difficulty bin, outcome, sub-type, template, then the order trials were stored.
 * Cursors are facet ids; the cursor's row tells where in the walk to resume.
 */
export type FacetOutcome = 'correct' | 'avoidant' | 'incorrect' | 'ungraded' | 'error';
export const FACET_OUTCOMES: readonly FacetOutcome[] = ['correct', 'avoidant', 'incorrect', 'ungraded', 'error'];

export interface TrialFilter {
  runId: string;
  modelKey?: string;
  domain?: string;
  bin?: number;
  templateId?: string;
  outcome?: FacetOutcome;
  /** An avoidance sub-type (implies outcome avoidant). */
  avoidance?: string;
}

export interface Cell {
  modelKey: string;
  domain: string;
  bin: number;
  outcome: string;
  avoidance: string;
}

/** Where a walk resumes: a trial's cell, template and id. */
export interface Position extends Cell {
  templateId: string;
  id: number;
}

export type Direction = 'forward' | 'backward';

const CELL_COLUMNS = ['model_key', 'domain', 'bin', 'outcome', 'avoidance'] as const;
const CELL_TUPLE = `(${CELL_COLUMNS.join(', ')})`;
const CELL_SELECT = 'model_key AS modelKey, domain, bin, outcome, avoidance';
const CELL_BATCH = 64;

/** The WHERE clause and parameters of a filter's cell columns (template excluded), on an optional alias. */
export function filterClause(filter: TrialFilter, alias = ''): { sql: string; params: (string | number)[] } {
  const a = alias === '' ? '' : `${alias}.`;
  const parts = [`${a}run_id = ?`];
  const params: (string | number)[] = [filter.runId];
  const add = (column: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    parts.push(`${a}${column} = ?`);
    params.push(value);
  };
  add('model_key', filter.modelKey);
  add('domain', filter.domain);
  add('bin', filter.bin);
  add('outcome', filter.avoidance !== undefined ? 'avoidant' : filter.outcome);
  add('avoidance', filter.avoidance);
  return { sql: parts.join(' AND '), params };
}

/** How many trials match: the cells' counts, or with a template filter one index range count per cell. */
export function countMatching(db: Db, filter: TrialFilter): number {
  const where = filterClause(filter, 'c');
  if (filter.templateId === undefined) {
    return db.prepare(`SELECT COALESCE(SUM(n), 0) FROM trial_counts c WHERE ${where.sql}`).pluck().get(...where.params) as number;
  }
  return db.prepare(`SELECT COUNT(*) FROM trial_counts c CROSS JOIN trial_facets f ON f.run_id = c.run_id AND f.model_key = c.model_key
      AND f.domain = c.domain AND f.bin = c.bin AND f.outcome = c.outcome AND f.avoidance = c.avoidance AND f.template_id = ?
    WHERE ${where.sql} AND c.n > 0`).pluck().get(filter.templateId, ...where.params) as number;
}

/** The matching non-empty cells from `from` on (or back), in key order, a batch at a time. */
export function cellBatch(db: Db, filter: TrialFilter, from: Cell | undefined, direction: Direction, inclusive: boolean): Cell[] {
  const where = filterClause(filter);
  const op = direction === 'forward' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  const order = CELL_COLUMNS.map((c) => `${c} ${direction === 'forward' ? 'ASC' : 'DESC'}`).join(', ');
  const bound = from === undefined ? '' : ` AND ${CELL_TUPLE} ${op} (?, ?, ?, ?, ?)`;
  const params = from === undefined ? where.params : [...where.params, from.modelKey, from.domain, from.bin, from.outcome, from.avoidance];
  return db.prepare(`SELECT ${CELL_SELECT} FROM trial_counts WHERE ${where.sql} AND n > 0${bound} ORDER BY ${order} LIMIT ${CELL_BATCH}`)
    .all(...params) as Cell[];
}

/** The walk position of a facet id (a cursor) in a run, or undefined. */
export function positionOf(db: Db, runId: string, id: number): Position | undefined {
  return db.prepare(`SELECT ${CELL_SELECT}, template_id AS templateId, id FROM trial_facets WHERE id = ? AND run_id = ?`).get(id, runId) as Position | undefined;
}

/**
 * Walks the matching cells from a cursor, calling `visit(cell, bound)` for each until it returns
 * true. `bound` is the cursor's position inside its own cell, else undefined (the whole cell).
 */
export function walkCells(db: Db, filter: TrialFilter, cursor: number | undefined, direction: Direction, visit: (cell: Cell, bound: Position | undefined) => boolean): void {
  const start = cursor === undefined ? undefined : positionOf(db, filter.runId, cursor);
  let from: Cell | undefined = start;
  let inclusive = start !== undefined;
  for (;;) {
    const batch = cellBatch(db, filter, from, direction, inclusive);
    for (const cell of batch) {
      if (visit(cell, start !== undefined && sameCell(cell, start) ? start : undefined)) return;
    }
    if (batch.length < CELL_BATCH) return;
    from = batch[batch.length - 1];
    inclusive = false;
  }
}

/** Up to `limit` facet ids of one cell beyond `bound`, in the walk's direction, with the filter's template if any. */
export function cellIds(db: Db, filter: TrialFilter, cell: Cell, bound: Position | undefined, direction: Direction, limit: number): number[] {
  const forward = direction === 'forward';
  const cmp = forward ? '>' : '<';
  const sort = forward ? 'ASC' : 'DESC';
  const params: (string | number)[] = [filter.runId, cell.modelKey, cell.domain, cell.bin, cell.outcome, cell.avoidance];
  let rest: string;
  if (filter.templateId !== undefined) {
    params.push(filter.templateId);
    rest = `AND template_id = ?${bound ? ` AND id ${cmp} ?` : ''} ORDER BY id ${sort}`;
    if (bound) params.push(bound.id);
  } else {
    rest = `${bound ? `AND (template_id, id) ${cmp} (?, ?) ` : ''}ORDER BY template_id ${sort}, id ${sort}`;
    if (bound) params.push(bound.templateId, bound.id);
  }
  return db.prepare(`SELECT id FROM trial_facets WHERE run_id = ? AND model_key = ? AND domain = ? AND bin = ? AND outcome = ? AND avoidance = ? ${rest} LIMIT ?`)
    .pluck().all(...params, limit) as number[];
}

function sameCell(a: Cell, b: Cell): boolean {
  return a.modelKey === b.modelKey && a.domain === b.domain && a.bin === b.bin && a.outcome === b.outcome && a.avoidance === b.avoidance;
}
