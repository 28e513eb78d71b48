/**
 * Grades a JSONL file of responses produced by other tools (input-row.ts), streaming: each valid row
 * is graded and handed to `onGraded` as it is read; each bad row is reported with its line number
 * and the field at fault, and the rest of the file is still graded.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { isDomainName, type DomainName, type Item } from '../../core/item.js';
import { gradeAvoidance } from '../grade-avoidance.js';
import type { AvoidanceGrade, Grade } from '../grade-types.js';
import { grade } from '../grade.js';
import { GOLD_SCHEMAS, INPUT_ROW, type InputRow } from './input-row.js';

export interface GradedRow {
  line: number;
  id: string | number | null;
  itemId: string | null;
  domain: DomainName | null;
  grade: Grade | AvoidanceGrade;
}

export interface RowError {
  line: number;
  /** e.g. "gold.sum" or "response"; "" for the line as a whole. */
  field: string;
  message: string;
}

export interface GradeInputOptions {
  /** Grade avoidance only (no gold needed): outcome is 'avoidant' or 'committed'. */
  avoidanceOnly?: boolean;
  /** Finds an item by id in the workspace, for rows that give `item_id`. */
  lookupItem?: (id: string) => Item | undefined;
  /** May return a promise (e.g. to wait for an output stream to drain); reading waits for it. */
  onGraded: (row: GradedRow) => void | Promise<void>;
  onError: (error: RowError) => void;
}

export async function gradeInputFile(path: string, options: GradeInputOptions): Promise<{ graded: number; errors: number }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  let graded = 0;
  let errors = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    const result = gradeLine(raw, lineNo, options);
    if ('message' in result) {
      errors++;
      options.onError(result);
    } else {
      graded++;
      await options.onGraded(result);
    }
  }
  return { graded, errors };
}

export function gradeLine(raw: string, line: number, options: Omit<GradeInputOptions, 'onGraded' | 'onError'>): GradedRow | RowError {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { line, field: '', message: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = INPUT_ROW.safeParse(json);
  if (!parsed.success) return issueError(line, parsed.error, '');
  const row = parsed.data;
  const id = row.id ?? null;
  if (options.avoidanceOnly) {
    const domain = row.domain ?? row.item?.domain;
    const g = gradeAvoidance({ response: row.response, ...(row.prompt !== undefined ? { prompt: row.prompt } : {}), ...(domain ? { domain } : {}), ...(row.mode ? { mode: row.mode } : {}) });
    return { line, id, itemId: row.item_id ?? row.item?.id ?? null, domain: domain ?? null, grade: g };
  }
  const item = resolveItem(row, line, options);
  if ('message' in item) return item;
  const g = grade({ item, response: row.response, ...(row.prompt !== undefined ? { prompt: row.prompt } : {}), ...(row.mode ? { mode: row.mode } : {}) });
  return { line, id, itemId: row.item_id ?? row.item?.id ?? null, domain: item.domain, grade: g };
}

function resolveItem(row: InputRow, line: number, options: Pick<GradeInputOptions, 'lookupItem'>): Item | RowError {
  if (row.item) {
    return { difficulty: { values: {}, chosen: '', calibrated: 0, bin: 0 }, source: {}, ...row.item } as Item;
  }
  if (row.item_id) {
    if (!options.lookupItem) return { line, field: 'item_id', message: 'item ids are looked up in a workspace: pass --workspace (or give "gold" instead)' };
    const item = options.lookupItem(row.item_id);
    return item ?? { line, field: 'item_id', message: `no item "${row.item_id}" in the workspace` };
  }
  if (row.gold === undefined) {
    return { line, field: 'gold', message: 'each row needs "gold" (with "domain"), "item_id" or "item"; for free text without an answer key use --avoidance-only' };
  }
  if (!row.domain || !isDomainName(row.domain)) return { line, field: 'domain', message: 'a row with "gold" needs "domain"' };
  const gold = GOLD_SCHEMAS[row.domain].safeParse(row.gold);
  if (!gold.success) return issueError(line, gold.error, 'gold');
  return { id: `input-line-${line}`, domain: row.domain, input: {}, gold: gold.data, difficulty: { values: {}, chosen: '', calibrated: 0, bin: 0 }, source: {} };
}

function issueError(line: number, error: z.ZodError, prefix: string): RowError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return { line, field: path, message: issue?.message ?? 'is invalid' };
}
