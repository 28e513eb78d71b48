/**
 * reliabench against a peer (promptfoo 0.121.20) and against a load generator's ceiling, in one run,
 * on one local OpenAI-compatible server that answers at once (bench/instant-server.ts, its own process).
 *
 *  1. the load generator (autocannon; wrk too where installed) measures the server's own ceiling;
 *  2. each tool runs the same prompts at each concurrency, alternating tools: reliabench's real CLI
 *     (`run`: render → request → store → grade, a fresh workspace each time, so no cached answers) and
 *     `promptfoo eval --no-cache -j N` (one test case per prompt, a cheap `icontains` check);
 *  3. at each tool's best concurrency, more alternating repetitions up to --reps, and the median;
 *  4. the floor for a Node client (bench/bare-client.mjs: the same requests through the same undici pool,
 *     nothing else), then the load generator again, so drift in the machine's load shows;
 *  5. reliabench with HTTP made free (the same run answered from a replay file of the warm-up run's
 *     answers), alone and side by side with the bare client: the best any split of its work over two
 *     threads could do;
 *  6. reliabench alone at 4× the items (a run about as long as the load generator's window), so the
 *     share of the load generator's rate is also shown with start-up and warm-up weighing less, and
 *     step 5 again at that length;
 *  7. where reliabench misses a target (10× promptfoo, 25% of the load generator), a CPU profile of one
 *     more reliabench run says where the time goes.
 * Rewrites the "peer" section of BENCHMARKS.md and, with --json FILE, writes the figures for run-all.ts.
 *
 *   npm run build && npx tsx bench/peer.bench.ts [--per-domain 40] [--reps 5] [--levels 16,64,256] [--load-seconds 5] [--longer 4] [--json FILE]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, writeSection } from './benchmarks-file.js';
import { summariseProfile } from './cpu-profile-summary.js';
import { startInstantServer } from './instant-server-process.js';
import { autocannon, requestBody, wrk, type LoadResult } from './load-generator.js';
import { peerSection, type PeerResults, type SplitMeasures } from './peer-report.js';
import { runBareClient, runPromptfoo, runReliabench, runSplit, runWithoutHttp, type FloorRun, type RunContext, type Tool, type ToolRun } from './peer-runs.js';
import { ensurePeerTools, exportClientFiles, exportWorkload, generateBaseWorkspace, noReportFlag, PROMPTFOO_BIN, promptfooEnv, RELIABENCH_BIN, ROOT, type ClientFiles } from './peer-workload.js';
import { measure, median, requireGnuTime } from './process-meter.js';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

// 40 items per domain × 5 domains × 15 templates = 3,000 trials: long enough that each tool's start-up
// (about 0.5 s for reliabench, 3 s for promptfoo) does not decide the rate, short enough for 7 promptfoo runs.
const PER_DOMAIN = Number(flag('per-domain', '40'));
const REPS = Math.max(1, Number(flag('reps', '5')));
// Concurrency 1 is never either tool's best (it measured 118 and 48 trials/s at 750 trials); --levels 1,16,64,256 adds it.
const LEVELS = flag('levels', '16,64,256').split(',').map(Number);
const LOAD_SECONDS = Number(flag('load-seconds', '5'));
// The longer run: 4 × 3,000 = 12,000 trials, about 5 s, the load generator's window (--load-seconds 5).
const LONGER = Math.max(1, Number(flag('longer', '4')));
const JSON_OUT = flag('json', '');
const log = (line: string): void => void process.stderr.write(`[peer] ${line}\n`);

const benchStarted = performance.now();
requireGnuTime();
const installS = ensurePeerTools(log);
const scratch = mkdtempSync(join(tmpdir(), 'rb-peer-'));
// Stopped at a deadline (run-all.ts signals the whole process group): leave no scratch files behind.
process.once('SIGTERM', () => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(143);
});
const base = join(scratch, 'items.sqlite');
generateBaseWorkspace(base, PER_DOMAIN);
const server = await startInstantServer();
const runs: ToolRun[] = [];
const loads: LoadResult[] = [];
let results: PeerResults;
let warm: Awaited<ReturnType<typeof runReliabench>>;
try {
  // Warm-up (not counted: fills the disk cache for reliabench's modules) and the source of the workload's prompts.
  const warmDir = join(scratch, 'warm');
  mkdirSync(warmDir);
  const runFlags = noReportFlag();
  const ctx0: RunContext = { server, baseWorkspace: base, perDomain: PER_DOMAIN, configFile: '', trials: 0, scratch: warmDir, runFlags };
  warm = await runReliabench({ ...ctx0, trials: await plannedTrials(base) }, 16, { keep: true });
  const workload = exportWorkload(warm.workspace, server.url, scratch);
  const ctx: RunContext = { ...ctx0, configFile: workload.configFile, trials: workload.prompts.length, scratch };
  log(`${ctx.trials} trials per repetition (${PER_DOMAIN} items per domain × 15 templates)`);
  // Start-up alone; also warms the disk cache for promptfoo's modules before its first counted run.
  const startup = {
    reliabench: await measure(process.execPath, [RELIABENCH_BIN, '--version']),
    promptfoo: await measure(process.execPath, [PROMPTFOO_BIN, '--version'], { env: promptfooEnv(join(scratch, 'pf-version')) }),
  };
  const sorted = [...workload.prompts].sort((a, b) => a.length - b.length);
  const body = requestBody(sorted[Math.floor(sorted.length / 2)] as string);
  for (const c of [16, 64]) loads.push(await logged(autocannon(server.url, body, c, LOAD_SECONDS)));
  const w = await wrk(server.url, body, 64, LOAD_SECONDS);
  if (w) loads.push(logged1(w));

  for (const c of LEVELS) {
    runs.push(loggedRun(await runReliabench(ctx, c)));
    runs.push(loggedRun(await runPromptfoo(ctx, c)));
  }
  const best = { reliabench: bestLevel('reliabench'), promptfoo: bestLevel('promptfoo') };
  log(`best concurrency: reliabench ${best.reliabench}, promptfoo ${best.promptfoo}; ${REPS - 1} more repetitions each, alternating`);
  for (let i = 1; i < REPS; i++) {
    runs.push(loggedRun(await runReliabench(ctx, best.reliabench)));
    runs.push(loggedRun(await runPromptfoo(ctx, best.promptfoo)));
  }
  // The floor for a Node client: the same requests through the same undici pool, nothing else done.
  const client = exportClientFiles(warm.workspace, scratch, requestBody);
  const floor: FloorRun[] = [];
  for (let i = 0; i < REPS; i++) floor.push(loggedFloor(await runBareClient(ctx, client.bodiesFile, best.reliabench)));
  const splits: SplitMeasures[] = [await splitMeasures(ctx, client, best.reliabench)];
  // reliabench alone on a longer run: more items, the same templates and server. (promptfoo stays at the
  // shorter workload: at its rate a longer run takes about 2 minutes, and 5 of them half the 20-minute budget.)
  const longBase = join(scratch, 'items-long.sqlite');
  generateBaseWorkspace(longBase, PER_DOMAIN * LONGER);
  const longCtx: RunContext = { ...ctx, baseWorkspace: longBase, perDomain: PER_DOMAIN * LONGER, trials: await plannedTrials(longBase), configFile: '' };
  const longer: ToolRun[] = [];
  let longClient: ClientFiles | undefined;
  for (let i = 0; i < REPS; i++) {
    const run = await runReliabench(longCtx, best.reliabench, { keep: i === 0 });
    if (i === 0) longClient = exportClientFiles(run.workspace, mkdtempSync(join(scratch, 'long-client-')), requestBody);
    longer.push(loggedRun({ ...run, variant: 'longer run' }));
  }
  if (longClient) splits.push(await splitMeasures(longCtx, longClient, best.reliabench));
  loads.push(await logged(autocannon(server.url, body, 64, LOAD_SECONDS)));
  let withReport: ToolRun | undefined;
  if (runFlags.includes('--no-report')) {
    withReport = { ...loggedRun(await runReliabench(ctx, best.reliabench, { runFlags: [] })), variant: 'with its report (charts, HTML, PNG)' };
  }

  const rbMedian = median(at('reliabench', best.reliabench).map((r) => r.perSecond));
  const pfMedian = median(at('promptfoo', best.promptfoo).map((r) => r.perSecond));
  const ceiling = Math.max(...loads.filter((l) => l.tool === 'autocannon' && l.failures === 0).map((l) => l.perSecond));
  const missed = rbMedian < 10 * pfMedian || rbMedian < 0.25 * ceiling;
  let profile;
  if (missed) {
    log('a target is missed: profiling one more reliabench run (node --cpu-prof)');
    const profDir = join(scratch, 'profile');
    const profRun = await runReliabench({ ...ctx, scratch: profDir }, best.reliabench, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) profile = { run: profRun, summary: summariseProfile(join(profDir, file), 14) };
  }
  results = {
    date: new Date().toISOString().slice(0, 10), machine: machineLine(), perDomain: PER_DOMAIN, reps: REPS, levels: LEVELS,
    ...(withReport ? { withReport } : {}), runFlags: [...runFlags], longer,
    trials: ctx.trials, loadSeconds: LOAD_SECONDS, installS, floor, splits, rbOutput: warm.stdout.replaceAll(scratch, '<tmp>').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').trim(), runs, loads, best, rbMedian, pfMedian, ceiling,
    startup: { reliabench: startup.reliabench, promptfoo: startup.promptfoo },
    ...(profile ? { profile } : {}),
    benchSeconds: (performance.now() - benchStarted) / 1000,
  };
} finally {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}

writeSection(join(ROOT, 'BENCHMARKS.md'), 'peer', peerSection(results));
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
log(`reliabench ${results.rbMedian.toFixed(0)} trials/s, promptfoo ${results.pfMedian.toFixed(0)} trials/s (×${(results.rbMedian / results.pfMedian).toFixed(1)}); ` +
  `load generator ${results.ceiling.toFixed(0)} req/s (reliabench ${((100 * results.rbMedian) / results.ceiling).toFixed(0)}%); ${results.benchSeconds.toFixed(0)} s; BENCHMARKS.md updated`);

function at(tool: Tool, c: number): ToolRun[] {
  return runs.filter((r) => r.tool === tool && r.concurrency === c);
}

function bestLevel(tool: Tool): number {
  const sweep = LEVELS.map((c) => ({ c, perSecond: at(tool, c)[0]?.perSecond ?? 0 }));
  return sweep.reduce((a, b) => (b.perSecond > a.perSecond ? b : a)).c;
}

/** The trials a `run` of this workload plans: every stored item × its domain's 15 templates. */
async function plannedTrials(workspace: string): Promise<number> {
  const { createRequire } = await import('node:module');
  const Database = createRequire(join(ROOT, 'package.json'))('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(workspace, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
  db.close();
  return n * 15;
}

function loggedRun(run: ToolRun & { workspace?: string; stdout?: string }): ToolRun {
  const { workspace: _workspace, stdout: _stdout, ...r } = run;
  log(`${r.tool} @${r.concurrency}: ${r.perSecond.toFixed(0)} trials/s, CPU ${r.cpuS.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB, load ${r.load1.toFixed(1)}`);
  return r;
}

/** reliabench with HTTP made free, alone and beside the bare client, REPS times each, alternating. */
async function splitMeasures(c: RunContext, files: ClientFiles, concurrency: number): Promise<SplitMeasures> {
  const m: SplitMeasures = { trials: c.trials, withoutHttp: [], split: [] };
  for (let i = 0; i < REPS; i++) {
    const alone = await runWithoutHttp(c, files, concurrency);
    log(`reliabench without HTTP, ${c.trials} trials @${concurrency}: ${alone.wallS.toFixed(2)} s, CPU ${alone.cpuS.toFixed(1)} s, load ${alone.load1.toFixed(1)}`);
    m.withoutHttp.push(alone);
    const split = await runSplit(c, files, concurrency);
    log(`beside the bare client: both done after ${split.wallS.toFixed(2)} s (bare ${split.bareS.toFixed(2)} s, replay ${split.replayS.toFixed(2)} s), ${split.perSecond.toFixed(0)} trials/s`);
    m.split.push(split);
  }
  return m;
}

function loggedFloor(r: FloorRun): FloorRun {
  log(`bare client @${r.concurrency}: ${r.perSecond.toFixed(0)} requests/s, CPU ${r.cpuS.toFixed(1)} s, load ${r.load1.toFixed(1)}`);
  return r;
}

function logged1(l: LoadResult): LoadResult {
  log(`${l.tool} -c ${l.connections}: ${l.perSecond.toFixed(0)} req/s (${l.failures} failures), load ${l.load1.toFixed(1)}`);
  return l;
}

async function logged(p: Promise<LoadResult>): Promise<LoadResult> {
  return logged1(await p);
}
