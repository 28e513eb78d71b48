/**
 * The store-based scale rows as last measured, one per size, kept in bench/results/scale-rows.json
 * (committed). A full 2.4M-trial size (store, grade, analyse, report) takes longer than what is left
 * of `npm run bench`'s 20-minute budget on a 2-core machine, so it is measured on its own
 * (`npx tsx bench/scale.bench.ts --sizes 2.4M`); every run of scale.bench.ts records the sizes it
 * measured, and shows the sizes it did not measure from this file, marked with their date and command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScaleRow } from './scale-report.js';

export const RECORDS_FILE = join(import.meta.dirname, 'results', 'scale-rows.json');

/** Where a recorded row came from. */
export interface Recorded {
  date: string;
  machine: string;
  command: string;
}

type Records = Record<string, ScaleRow & { recorded: Recorded }>;

export function readRecords(file = RECORDS_FILE): Records {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Records) : {};
}

/** Keeps the rows measured in full in this run (not skipped, no failed stage), replacing older ones of the same size. */
export function recordRows(rows: readonly ScaleRow[], recorded: Recorded, file = RECORDS_FILE): void {
  const records = readRecords(file);
  for (const row of rows) {
    if (row.skipped || row.recorded || !measuredInFull(row)) continue;
    const { simulated: _simulated, ...kept } = row;
    for (const stage of [kept.generation, kept.grading, kept.analysis, kept.report]) if (stage && 'stdout' in stage) delete stage.stdout;
    records[row.size] = { ...kept, simulated: { error: 'not recorded' }, recorded };
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
}

function measuredInFull(row: ScaleRow): boolean {
  return [row.generation, row.grading, row.analysis, row.report].every((s) => s !== undefined && !('error' in s));
}

/**
 * A size this run did not measure, from its record: the recorded figures, with why it was not
 * measured now. Without a record, the row as given (skipped, or left out).
 */
export function fromRecord(row: ScaleRow, records: Records): ScaleRow {
  const r = records[row.size];
  if (!r) return row;
  return { ...r, simulated: row.simulated, ...(row.skipped ? { skipped: row.skipped } : {}), recorded: r.recorded };
}
