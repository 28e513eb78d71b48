/**
 * Issue 5, acceptance point 4 — "paper scale": analyse and report 2,400,000 graded trials (32 models ×
 * 5 domains × 1,000 items × 15 templates, simulated) in ≤ 60 s and ≤ 2 GB peak memory on this 2-core
 * machine. Each repetition is one child process (bench/paper-scale-child.ts) under GNU time, so its
 * peak RSS is its own: it simulates the trials (setup, timed apart), analyses them with the settings
 * `reliabench report` uses by default and builds the whole report (HTML, SVG + PNG charts, summary.md,
 * metrics.json) into a temporary folder. The section gives every run, the median, and the load average
 * before and after each.
 *
 * Rewrites the "paper-scale" section of BENCHMARKS.md (only at the paper's shape); with --json FILE,
 * writes the figures for run-all.ts. With --budget-s S, a repetition is not started when the previous
 * one's time says it would end after S seconds (the section says so).
 *
 *   npx tsx bench/paper-scale.bench.ts [--runs 3] [--budget-s S] [--json FILE] [--models 32 --items 1000]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { machineLine, writeSection } from './benchmarks-file.js';
import { paperScaleSection, paperTarget, type PaperChildFigures, type PaperResults, type PaperRun } from './paper-scale-report.js';
import { PAPER_SHAPE } from './paper-scale-workload.js';
import { ROOT } from './peer-workload.js';
import { measure } from './process-meter.js';

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(flag('runs', '3'));
const BUDGET_S = Number(flag('budget-s', 'Infinity'));
const JSON_OUT = flag('json', '');
const MODELS = Number(flag('models', String(PAPER_SHAPE.models)));
const ITEMS = Number(flag('items', String(PAPER_SHAPE.items)));
const PAPER = MODELS === PAPER_SHAPE.models && ITEMS === PAPER_SHAPE.items;
const TSX = import.meta.resolve('tsx');
const log = (line: string): void => void process.stderr.write(`[paper-scale] ${line}\n`);

const started = performance.now();
const elapsed = (): number => (performance.now() - started) / 1000;
const load3 = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

const runs: PaperRun[] = [];
const notes: string[] = [];
for (let rep = 0; rep < RUNS; rep++) {
  const last = runs.at(-1);
  if (last && elapsed() + last.processWallS * 1.2 > BUDGET_S) {
    notes.push(`Repetitions ${rep + 1}–${RUNS} were not started: the previous one took ${last.processWallS.toFixed(0)} s and ` +
      `${Math.max(0, BUDGET_S - elapsed()).toFixed(0)} s were left of the ${BUDGET_S.toFixed(0)} s budget \`npm run bench\` gave this script.`);
    log(notes.at(-1) as string);
    break;
  }
  const loadBefore = load3();
  try {
    const m = await measure(process.execPath, ['--import', TSX, join(ROOT, 'bench/paper-scale-child.ts'), '--models', String(MODELS), '--items', String(ITEMS)], { cwd: ROOT });
    const child = JSON.parse(m.stdout.trim().split('\n').at(-1) ?? '') as PaperChildFigures;
    const run: PaperRun = { ...child, processWallS: m.wallS, processCpuS: m.cpuS, processPeakRssMb: Math.max(m.peakRssMb, child.peakRssMb), loadBefore, loadAfter: load3() };
    runs.push(run);
    log(`run ${rep + 1}: simulate ${run.generateS.toFixed(1)} s, analyse ${run.analyseS.toFixed(1)} s (CPU ${run.analyseCpuS.toFixed(1)} s), ` +
      `report ${run.reportS.toFixed(1)} s (CPU ${run.reportCpuS.toFixed(1)} s); whole process ${run.processWallS.toFixed(1)} s, peak ${run.processPeakRssMb.toFixed(0)} MB; ` +
      `load ${loadBefore.join(' ')} → ${run.loadAfter.join(' ')}`);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' ');
    notes.push(`Repetition ${rep + 1} **failed**: ${message.replaceAll('|', '\\|').slice(0, 400)}`);
    log(notes.at(-1) as string);
  }
}

const args = process.argv.slice(2).filter((a, i, all) => a !== '--json' && all[i - 1] !== '--json');
const results: PaperResults = {
  command: `npx tsx bench/paper-scale.bench.ts${args.length > 0 ? ` ${args.join(' ')}` : ''}`,
  machine: machineLine(),
  date: new Date().toISOString().slice(0, 10),
  cores: cpus().length,
  runs,
  runsPlanned: RUNS,
  notes,
  seconds: elapsed(),
};
const target = paperTarget(results);
if (target) log(`target (≤ 60 s, ≤ 2 GB): ${target.met ? 'met' : 'MISSED'} — median ${target.seconds.toFixed(1)} s, ${target.peakMb.toFixed(0)} MB`);
if (PAPER) writeSection(join(ROOT, 'BENCHMARKS.md'), 'paper-scale', paperScaleSection(results));
else log(`not the paper's shape (${MODELS} models × ${ITEMS} items): BENCHMARKS.md left as it is`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
if (runs.length === 0) process.exitCode = 1;
