/**
 * How time and memory grow with the size of a study: at 10k, 100k, 1M and 2.4M trials (shaped as
 * models × 5 domains × items × 15 templates; 2.4M = 32 models × 1,000 items per domain), each stage of
 * the real CLI on one workspace, as a whole process under GNU time:
 *
 *   generation  reliabench generate --per-domain K            (the items the study asks)
 *   (stored answers: bench/scale-store.ts writes every trial with a realistic response; not timed)
 *   grading     reliabench grade --run scale                  (store → rule grader → store)
 *   analysis    bench/scale-analyse.ts                        (the analysis alone, timed in-process)
 *   report      reliabench report --run scale --out DIR       (analysis + charts + HTML/Markdown/PNG)
 *
 * Also, at every size, bench/analysis.bench.ts (the analysis over simulated graded trials streamed from
 * a generator, no store) — cheap, so the analysis's growth is measured even when a store-based size
 * does not fit the time budget. With --budget-s S, a store-based size is skipped (and says so) when
 * its projected time — the previous size's, scaled linearly by trials — would overrun S seconds.
 *
 * Every size measured in full is recorded in bench/results/scale-rows.json (committed); a size this run
 * skipped or was not asked for is shown from its record, marked † with its date and command. The 2.4M
 * size does not fit `npm run bench`'s 20 minutes on 2 cores (storing and grading alone take ~6 min), so
 * it is measured on its own with --sizes 2.4M (scale-records.ts).
 *
 * Rewrites the "scale" section of BENCHMARKS.md; with --json FILE, writes the figures for run-all.ts.
 *
 *   npm run build && npx tsx bench/scale.bench.ts [--sizes 10k,100k,1M,2.4M] [--budget-s S] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, writeSection } from './benchmarks-file.js';
import { measure, type Measured } from './process-meter.js';
import { RELIABENCH_BIN, ROOT, scienceData } from './peer-workload.js';
import { NOT_ASKED, scaleSection, type ScaleRow, type SimAnalysis, type StageFigure } from './scale-report.js';
import { fillStudy } from './scale-store.js';
import { fromRecord, readRecords, recordRows, RECORDS_FILE } from './scale-records.js';

const SHAPES: Record<string, { models: number; items: number }> = {
  '10k': { models: 1, items: 133 },
  '100k': { models: 4, items: 333 },
  '1M': { models: 16, items: 833 },
  '2.4M': { models: 32, items: 1000 },
};
const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SIZES = flag('sizes', '10k,100k,1M,2.4M').split(',');
const JSON_OUT = flag('json', '');
const BUDGET_S = Number(flag('budget-s', 'Infinity'));
const TSX = import.meta.resolve('tsx');
const log = (line: string): void => void process.stderr.write(`[scale] ${line}\n`);

function figure(m: Measured): StageFigure {
  return { wallS: m.wallS, cpuS: m.cpuS, peakRssMb: m.peakRssMb, load1: m.load1 };
}

async function stage(name: string, args: string[], cwd: string): Promise<StageFigure | { error: string }> {
  try {
    const m = await measure(process.execPath, args, { cwd });
    log(`${name}: ${m.wallS.toFixed(1)} s wall, ${m.cpuS.toFixed(1)} s CPU, ${m.peakRssMb.toFixed(0)} MB`);
    return { ...figure(m), stdout: m.stdout.trim().split('\n').pop() ?? '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message.split('\n')[0] ?? ''}`);
    return { error: message.split('\n').find((l) => l.trim() !== '' && !l.includes('exited')) ?? message.split('\n')[0] ?? 'failed' };
  }
}

const started = performance.now();
const elapsed = (): number => (performance.now() - started) / 1000;

/** bench/analysis.bench.ts at a size's shape, its printed figures parsed. */
async function simulatedAnalysis(models: number, items: number): Promise<SimAnalysis | { error: string }> {
  try {
    const m = await measure(process.execPath, ['--import', TSX, join(ROOT, 'bench/analysis.bench.ts'), '--models', String(models), '--items', String(items), '--stream']);
    const a = /analyse: ([\d.]+) s wall, ([\d.]+) s CPU/.exec(m.stdout);
    const rss = /peak RSS of the process: (\d+) MiB/.exec(m.stdout);
    if (!a) return { error: `could not read its output: ${m.stdout.slice(0, 200)}` };
    log(`analysis.bench --models ${models} --items ${items}: ${a[1]} s wall, ${a[2]} s CPU`);
    return { wallS: Number(a[1]), cpuS: Number(a[2]), peakRssMb: rss ? Number(rss[1]) : m.peakRssMb, load1: m.load1 };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed' };
  }
}

for (const size of SIZES) if (!SHAPES[size]) throw new Error(`unknown size ${size}; one of ${Object.keys(SHAPES).join(', ')}`);
/** Kept for the simulated analyses, which run after the store-based sizes. */
const SIMULATED_RESERVE_S = 90;
let current: string | undefined;
// Stopped at a deadline (run-all.ts signals the whole process group): leave no scratch files behind.
process.once('SIGTERM', () => {
  if (current) rmSync(current, { recursive: true, force: true });
  process.exit(143);
});
const rows: ScaleRow[] = [];
const done: { trials: number; seconds: number }[] = [];

/**
 * Seconds a size is expected to take: a straight line (fixed + per-trial cost) through the last two
 * sizes measured; from one size only, its time × √(growth), as small sizes are mostly fixed cost.
 */
function projectedSeconds(trials: number): number {
  const b = done[done.length - 1];
  const a = done[done.length - 2];
  if (!b) return 0;
  if (!a) return b.seconds * Math.sqrt(trials / b.trials);
  const perTrial = Math.max(0, (b.seconds - a.seconds) / (b.trials - a.trials));
  return b.seconds + perTrial * (trials - b.trials);
}

for (const size of Object.keys(SHAPES)) {
  const shape = SHAPES[size] as { models: number; items: number };
  const planned = shape.models * 5 * shape.items * 15;
  if (!SIZES.includes(size)) {
    rows.push({ size, ...shape, trials: planned, simulated: { error: 'not run' }, skipped: `${NOT_ASKED} ${SIZES.join(',')}` });
    continue;
  }
  const projected = projectedSeconds(planned);
  const budgetLeft = BUDGET_S - SIMULATED_RESERVE_S - elapsed();
  if (projected > budgetLeft) {
    log(`${size}: skipped — projected ${projected.toFixed(0)} s would overrun the budget (${budgetLeft.toFixed(0)} s left)`);
    rows.push({ size, ...shape, trials: planned, simulated: { error: 'not run' },
      skipped: `projected ${projected.toFixed(0)} s (from the sizes before it) exceeded the ${Math.max(0, budgetLeft).toFixed(0)} s left of the time budget` });
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), `rb-scale-${size}-`));
  current = dir;
  const ws = join(dir, 'workspace.sqlite');
  const sizeStarted = elapsed();
  try {
    log(`${size}: ${shape.models} models × 5 domains × ${shape.items} items × 15 templates`);
    const generation = await stage('generate', [RELIABENCH_BIN, 'generate', '--per-domain', String(shape.items), '--seed', '1',
      '--science-data', scienceData(), '--workspace', ws, '--out', join(dir, 'items.jsonl'), '--quiet'], dir);
    if ('error' in generation) {
      rows.push({ size, ...shape, trials: planned, simulated: { error: 'not run' }, generation });
      continue;
    }
    const fill = fillStudy(ws, shape.models);
    log(`stored ${fill.trials} answered trials in ${fill.seconds.toFixed(1)} s (setup, not timed as a stage)`);
    const grading = await stage('grade', [RELIABENCH_BIN, 'grade', '--workspace', ws, '--run', fill.runId, '--quiet'], dir);
    const analysis = await stage('analyse', ['--import', TSX, join(ROOT, 'bench/scale-analyse.ts'), ws, fill.runId], dir);
    const report = await stage('report', [RELIABENCH_BIN, 'report', '--workspace', ws, '--run', fill.runId, '--out', join(dir, 'report')], dir);
    let analyseInProcess: { analyseS: number; analyseCpuS: number } | undefined;
    if (!('error' in analysis) && analysis.stdout) analyseInProcess = JSON.parse(analysis.stdout) as { analyseS: number; analyseCpuS: number };
    rows.push({ size, ...shape, trials: fill.trials, fillS: fill.seconds, generation, grading, analysis, report,
      simulated: { error: 'not run' },
      ...(analyseInProcess ? { analyseS: analyseInProcess.analyseS, analyseCpuS: analyseInProcess.analyseCpuS } : {}),
      dbMb: Number(spawnSync('du', ['-sm', ws], { encoding: 'utf8' }).stdout.split('\t')[0]) });
    done.push({ trials: fill.trials, seconds: elapsed() - sizeStarted });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Sizes measured in full are recorded; the others are shown from their records (marked, with a date).
recordRows(rows, { date: new Date().toISOString().slice(0, 10), machine: machineLine(), command: `npx tsx bench/scale.bench.ts --sizes ${SIZES.join(',')}` });
const records = readRecords();
for (let i = 0; i < rows.length; i++) if ((rows[i] as ScaleRow).skipped) rows[i] = fromRecord(rows[i] as ScaleRow, records);
log(`recorded the sizes measured in full in ${RECORDS_FILE}`);

// Where a store-based size was skipped, recorded or its analysis failed, the analysis over simulated
// trials at every size (cheap: no store, no grading) still measures, in this run, how the analysis grows.
if (rows.some((r) => r.analyseS === undefined || r.recorded)) for (const row of rows) row.simulated = await simulatedAnalysis(row.models, row.items);
else for (const row of rows) row.simulated = { error: 'not needed: the analysis over the store was measured at every size' };

const body = scaleSection({ rows, machine: machineLine(), date: new Date().toISOString().slice(0, 10), sizes: SIZES, seconds: elapsed(), budgetS: BUDGET_S });
writeSection(join(ROOT, 'BENCHMARKS.md'), 'scale', body);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(rows, null, 2));
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; BENCHMARKS.md updated`);
