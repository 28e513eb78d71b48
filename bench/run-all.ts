/**
 * `npm run bench`: builds, then runs every benchmark unattended within a time budget (default 20
 * minutes on a 2-core machine) and rewrites BENCHMARKS.md — each script its own section — ending
 * with a summary: the command, the machine, the date, how long each script took, every target with
 * its measured ratio, and a closing note that says plainly which targets were missed.
 *
 * Order: the peer comparison (bench/peer.bench.ts), then the scripts that write a section of
 * BENCHMARKS.md (bench/*.bench.ts containing `writeSection`: generate, grader, engine, queue, …),
 * then the scale rows (bench/scale.bench.ts), which get whatever time is left and skip — saying so —
 * a size that would overrun it. Each script has a deadline; one that overruns it is stopped, and the
 * summary says so. Scripts that only print (analysis, report) are run by scale.bench.ts, or not at all.
 *
 *   npm run bench [-- --budget-min 20] [-- --only peer,scale]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { machineLine } from './benchmarks-file.js';
import { peerTargets, type PeerResults } from './peer-report.js';
import { ROOT } from './peer-workload.js';
import type { PaperResults } from './paper-scale-report.js';
import { analysisGrowth, type ScaleRow } from './scale-report.js';
import { summarySection, type GraderResults, type ScriptResult } from './run-all-summary.js';

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const BUDGET_S = Number(flag('budget-min', '20')) * 60;
const ONLY = flag('only', '').split(',').filter(Boolean);
/** Kept free at the end for the summary and slack in the estimates. */
const RESERVE_S = 45;
/** The least the scale rows get: 10k and 100k trials, and the analysis over simulated trials up to 2.4M. */
const SCALE_MIN_S = 180;
/** Arguments for scripts whose defaults are too long or too short for a full run. */
const ARGS: Record<string, string[]> = { generate: ['--runs', '3'], grader: ['--runs', '3'] };
/** Deadline caps per script (default 300 s): paper-scale runs three ~40–90 s repetitions. */
const CAP_S: Record<string, number> = { 'paper-scale': 360 };
const TSX = import.meta.resolve('tsx');

const started = performance.now();
const elapsed = (): number => (performance.now() - started) / 1000;
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'rb-bench-all-'));
const results: ScriptResult[] = [];

function run(name: string, command: string, args: string[], timeoutS: number): Promise<ScriptResult> {
  log(`${name}: ${[command === process.execPath ? 'node' : command, ...args].join(' ').replace(TSX, 'tsx')} (at most ${timeoutS.toFixed(0)} s)`);
  const t0 = elapsed();
  const load1 = loadavg()[0] ?? 0;
  return new Promise((resolve) => {
    // Its own process group, so a deadline (or Ctrl+C here) stops the script and everything it started.
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const onInterrupt = (): void => {
      killGroup('SIGKILL');
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5000).unref();
    }, Math.max(1, timeoutS) * 1000);
    child.once('close', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
      const r: ScriptResult = { name, command: `${[command === process.execPath ? 'node' : command, ...args].join(' ').replace(`--import ${TSX}`, '--import tsx')}`, seconds: elapsed() - t0, exitCode: code ?? -1, timedOut, load1 };
      log(`${name}: ${timedOut ? 'TIMED OUT' : code === 0 ? 'done' : `FAILED (exit ${code})`} in ${r.seconds.toFixed(0)} s`);
      results.push(r);
      resolve(r);
    });
  });
}

const wanted = (name: string): boolean => ONLY.length === 0 || ONLY.includes(name);
const tsxArgs = (file: string, ...rest: string[]): string[] => ['--import', TSX, join(ROOT, 'bench', file), ...rest];
const left = (): number => BUDGET_S - RESERVE_S - elapsed();

try {
  const build = await run('build', 'npm', ['run', 'build', '--silent'], 240);
  if (build.exitCode !== 0 && !existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('the build failed and there is no dist/ to benchmark');

  // The peer comparison first: its ratios are the figures this run exists for, and it cannot adapt to
  // less time. Then the scripts that write their own sections, then the scale rows with what is left.
  const peerJson = join(scratch, 'peer.json');
  if (wanted('peer')) await run('peer', process.execPath, tsxArgs('peer.bench.ts', '--json', peerJson), Math.max(240, left() - SCALE_MIN_S - 120));

  const sectionWriters = readdirSync(join(ROOT, 'bench'))
    .filter((f) => f.endsWith('.bench.ts') && !['peer.bench.ts', 'scale.bench.ts'].includes(f))
    .filter((f) => readFileSync(join(ROOT, 'bench', f), 'utf8').includes('writeSection('))
    .sort((a, b) => order(a) - order(b));
  const paperJson = join(scratch, 'paper-scale.json');
  const graderJson = join(scratch, 'grader.json');
  for (const file of sectionWriters) {
    const name = file.replace('.bench.ts', '');
    if (!wanted(name)) continue;
    const timeoutS = Math.max(60, Math.min(CAP_S[name] ?? 300, left() - SCALE_MIN_S));
    // paper-scale is told its deadline (less slack for its last child); it and the grader hand their figures to the summary.
    const extra =
      name === 'paper-scale' ? ['--budget-s', String(Math.round(timeoutS - 20)), '--json', paperJson] : name === 'grader' ? ['--out', graderJson] : [];
    await run(name, process.execPath, tsxArgs(file, ...(ARGS[name] ?? []), ...extra), timeoutS);
  }

  const scaleJson = join(scratch, 'scale.json');
  if (wanted('scale')) {
    const budget = Math.max(SCALE_MIN_S, left() - 15);
    await run('scale', process.execPath, tsxArgs('scale.bench.ts', '--budget-s', String(Math.round(budget)), '--json', scaleJson), budget + 60);
  }

  const peer = existsSync(peerJson) ? (JSON.parse(readFileSync(peerJson, 'utf8')) as PeerResults) : undefined;
  const scale = existsSync(scaleJson) ? (JSON.parse(readFileSync(scaleJson, 'utf8')) as ScaleRow[]) : undefined;
  const paper = existsSync(paperJson) ? (JSON.parse(readFileSync(paperJson, 'utf8')) as PaperResults) : undefined;
  const grader = existsSync(graderJson) ? (JSON.parse(readFileSync(graderJson, 'utf8')) as GraderResults) : undefined;
  const body = summarySection({
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: `${machineLine()} (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB)`,
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    budgetS: BUDGET_S,
    totalS: elapsed(),
    scripts: results,
    ...(peer ? { peer, peerTargets: peerTargets(peer) } : {}),
    ...(scale ? { scale, analysisGrowth: analysisGrowth(scale) } : {}),
    ...(paper ? { paperScale: paper } : {}),
    ...(grader ? { grader } : {}),
  });
  writeClosing(join(ROOT, 'BENCHMARKS.md'), body);
  log(`all done in ${elapsed().toFixed(0)} s (budget ${BUDGET_S} s); BENCHMARKS.md rewritten`);
  if (results.some((r) => r.exitCode !== 0)) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Scripts that other figures lean on run first; unknown ones after, by name. */
function order(file: string): number {
  const known = ['generate.bench.ts', 'grader.bench.ts', 'engine.bench.ts', 'queue.bench.ts'];
  const i = known.indexOf(file);
  return i >= 0 ? i : known.length;
}

/** The summary section, always last in the file (moved there if another section was appended after it). */
function writeClosing(file: string, body: string): void {
  const start = '<!-- bench:summary:start -->';
  const end = '<!-- bench:summary:end -->';
  const current = readFileSync(file, 'utf8');
  const without = current.replace(new RegExp(`\\n*${start}[\\s\\S]*?${end}\\n*`), '\n\n').trimEnd();
  writeFileSync(file, `${without}\n\n${start}\n${body.trim()}\n${end}\n`);
}
