/**
 * One measured repetition of each tool against the instant server: reliabench's real CLI (`run`, which
 * renders, requests, stores and grades) in a fresh workspace, and promptfoo `eval --no-cache` in a
 * fresh home, both as whole processes from spawn to exit. The server's request count is checked, so
 * every figure is for exactly the planned trials, each one a real HTTP request.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { InstantServer } from './instant-server-process.js';
import { measure, type Measured } from './process-meter.js';
import { freshWorkspace, promptfooArgs, promptfooEnv, reliabenchRunArgs, ROOT, serverModel, type ClientFiles } from './peer-workload.js';

export type Tool = 'reliabench' | 'promptfoo';

export interface ToolRun {
  tool: Tool;
  /** A variant measured for reference, not in the medians (e.g. reliabench with its report). */
  variant?: string;
  concurrency: number;
  trials: number;
  wallS: number;
  perSecond: number;
  cpuS: number;
  peakRssMb: number;
  processes: number;
  /** The tool's own evaluation phase (promptfoo's durationMs; reliabench's run record, created → completed). */
  evalS: number;
  /** reliabench only: from spawn to its run record's creation (Node, modules, workspace, items, plan). */
  startS?: number;
  serverCpuS: number;
  load1: number;
}

export interface RunContext {
  server: InstantServer;
  baseWorkspace: string;
  perDomain: number;
  configFile: string;
  trials: number;
  scratch: string;
  /** `run` flags every repetition gets (--no-report where the build has it). */
  runFlags: readonly string[];
}

let counter = 0;

async function withServerCheck(ctx: RunContext, what: string, run: () => Promise<Measured>): Promise<{ m: Measured; serverCpuS: number }> {
  const before = await ctx.server.stats();
  const m = await run();
  const after = await ctx.server.stats();
  const requests = after.requests - before.requests;
  if (requests !== ctx.trials) throw new Error(`${what}: the server saw ${requests} requests for ${ctx.trials} trials`);
  return { m, serverCpuS: (after.cpuMicros - before.cpuMicros) / 1e6 };
}

export interface ReliabenchOptions {
  /** Node flags before the CLI (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Keep the workspace (its path is returned) instead of deleting it. */
  keep?: boolean;
  /** Extra `run` flags (e.g. --no-report). */
  runFlags?: readonly string[];
}

export async function runReliabench(ctx: RunContext, concurrency: number, options: ReliabenchOptions = {}): Promise<ToolRun & { workspace: string; stdout: string }> {
  const nodeFlags = options.nodeFlags ?? [];
  const dir = join(ctx.scratch, `rb-${++counter}`);
  mkdirSync(dir, { recursive: true });
  const ws = freshWorkspace(ctx.baseWorkspace, join(dir, 'workspace.sqlite'));
  const args = [...nodeFlags, ...reliabenchRunArgs(serverModel(ctx.server.url), ctx.perDomain, concurrency, ws, options.runFlags ?? ctx.runFlags)];
  const { m, serverCpuS } = await withServerCheck(ctx, `reliabench @${concurrency}`, () => measure(process.execPath, args, { cwd: dir }));
  const done = new RegExp(`completed — ${ctx.trials}/${ctx.trials} trials \\(${ctx.trials} answered, 0 errors, 0 from cache\\)`);
  if (!done.test(m.stdout)) throw new Error(`reliabench @${concurrency} did not answer every trial fresh:\n${m.stdout}${m.stderr.slice(-1000)}`);
  const phase = runPhase(ws);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return {
    ...toRun('reliabench', concurrency, ctx.trials, m, (phase.completedMs - phase.createdMs) / 1000, serverCpuS),
    startS: (phase.createdMs - m.startedAtMs) / 1000, workspace: ws, stdout: m.stdout,
  };
}

export async function runPromptfoo(ctx: RunContext, concurrency: number): Promise<ToolRun> {
  const dir = join(ctx.scratch, `pf-${++counter}`);
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const output = join(dir, 'results.json');
  // promptfoo exits 100 when some assertion failed, which the instant server's fixed answer guarantees.
  const { m, serverCpuS } = await withServerCheck(ctx, `promptfoo @${concurrency}`, () =>
    measure(process.execPath, promptfooArgs(ctx.configFile, concurrency, output), { cwd: dir, env: promptfooEnv(home), okCodes: [0, 100] }));
  const stats = (JSON.parse(readFileSync(output, 'utf8')) as { results: { stats: { successes: number; failures: number; errors: number; durationMs: number } } }).results.stats;
  if (stats.errors !== 0 || stats.successes + stats.failures !== ctx.trials) {
    throw new Error(`promptfoo @${concurrency}: ${stats.errors} errors, ${stats.successes + stats.failures} of ${ctx.trials} test cases`);
  }
  rmSync(dir, { recursive: true, force: true });
  return toRun('promptfoo', concurrency, ctx.trials, m, stats.durationMs / 1000, serverCpuS);
}

/** One repetition of bench/bare-client.mjs: the floor for a Node client (undici's pool, nothing else). */
export type FloorRun = Omit<ToolRun, 'tool' | 'variant' | 'evalS' | 'processes'>;

export const BARE_CLIENT = join(ROOT, 'bench/bare-client.mjs');

/** `bodiesFile`: a JSON array of the chat request bodies, one per trial (the load generator's format). */
export async function runBareClient(ctx: RunContext, bodiesFile: string, concurrency: number): Promise<FloorRun> {
  const { m, serverCpuS } = await withServerCheck(ctx, `bare client @${concurrency}`, () => bareRun(ctx, bodiesFile, concurrency));
  return floorRun(ctx, concurrency, m, serverCpuS);
}

/**
 * reliabench's `run` of the same items answered from a replay file instead of the server: everything it
 * does but HTTP — start-up, rendering, SQLite with the viewer's facets, grading — except the response
 * cache, which replay answers skip. What reliabench's own work costs, with requests made free.
 */
export async function runWithoutHttp(ctx: RunContext, files: ClientFiles, concurrency: number): Promise<FloorRun> {
  return floorRun(ctx, concurrency, await replayRun(ctx, files, concurrency), 0);
}

/** The bare client and the replay run started together: wall time from the first spawn to the last exit. */
export interface SplitRun extends FloorRun {
  bareS: number;
  replayS: number;
}

/**
 * The best any split of reliabench's work over two threads could do: one sending the requests (the bare
 * client), one doing everything else (the replay run), side by side on the same cores, with nothing
 * paid for handing answers from one to the other.
 */
export async function runSplit(ctx: RunContext, files: ClientFiles, concurrency: number): Promise<SplitRun> {
  let replay: Measured | undefined;
  const { m: bare, serverCpuS } = await withServerCheck(ctx, `split @${concurrency}`, async () => {
    const [r, b] = await Promise.all([replayRun(ctx, files, concurrency), bareRun(ctx, files.bodiesFile, concurrency)]);
    replay = r;
    return b;
  });
  const r = replay as Measured;
  const end = (m: Measured): number => m.startedAtMs + 1000 * m.wallS;
  const wallS = (Math.max(end(r), end(bare)) - Math.min(r.startedAtMs, bare.startedAtMs)) / 1000;
  return {
    concurrency, trials: ctx.trials, wallS, perSecond: ctx.trials / wallS, cpuS: r.cpuS + bare.cpuS,
    peakRssMb: r.peakRssMb + bare.peakRssMb, serverCpuS, load1: bare.load1, bareS: bare.wallS, replayS: r.wallS,
  };
}

async function replayRun(ctx: RunContext, files: ClientFiles, concurrency: number): Promise<Measured> {
  const dir = join(ctx.scratch, `replay-${++counter}`);
  mkdirSync(dir, { recursive: true });
  const ws = freshWorkspace(ctx.baseWorkspace, join(dir, 'workspace.sqlite'));
  const m = await measure(process.execPath, reliabenchRunArgs(`replay:${files.replayFile}`, ctx.perDomain, concurrency, ws, ctx.runFlags), { cwd: dir });
  // Every trial answered and graded, so the figure is for all of reliabench's work but HTTP.
  const done = [`completed — ${ctx.trials}/${ctx.trials} trials (${ctx.trials} answered, 0 errors, 0 from cache)`, `graded ${ctx.trials} answers`];
  if (!done.every((line) => m.stdout.includes(line))) throw new Error(`reliabench replay @${concurrency} did not answer and grade every trial:\n${m.stdout}${m.stderr.slice(-1000)}`);
  rmSync(dir, { recursive: true, force: true });
  return m;
}

async function bareRun(ctx: RunContext, bodiesFile: string, concurrency: number): Promise<Measured> {
  const m = await measure(process.execPath, [BARE_CLIENT, ctx.server.url, bodiesFile, String(concurrency)]);
  if (m.stdout.trim() !== `${ctx.trials} answered`) throw new Error(`bare client @${concurrency}: ${m.stdout}${m.stderr.slice(-500)}`);
  return m;
}

function floorRun(ctx: RunContext, concurrency: number, m: Measured, serverCpuS: number): FloorRun {
  return { concurrency, trials: ctx.trials, wallS: m.wallS, perSecond: ctx.trials / m.wallS, cpuS: m.cpuS, peakRssMb: m.peakRssMb, serverCpuS, load1: m.load1 };
}

function toRun(tool: Tool, concurrency: number, trials: number, m: Measured, evalS: number, serverCpuS: number): ToolRun {
  return {
    tool, concurrency, trials, wallS: m.wallS, perSecond: trials / m.wallS, cpuS: m.cpuS, peakRssMb: m.peakRssMb,
    processes: m.processes, evalS, serverCpuS, load1: m.load1,
  };
}

/** When the run record was created and completed (epoch ms): its execution; grading follows it. */
function runPhase(workspace: string): { createdMs: number; completedMs: number } {
  const require = createRequire(join(ROOT, 'package.json'));
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(workspace, { readonly: true });
  try {
    const row = db.prepare('SELECT created_at, updated_at FROM runs ORDER BY created_at DESC LIMIT 1').get() as { created_at: string; updated_at: string } | undefined;
    return row ? { createdMs: Date.parse(row.created_at), completedMs: Date.parse(row.updated_at) } : { createdMs: NaN, completedMs: NaN };
  } finally {
    db.close();
  }
}
