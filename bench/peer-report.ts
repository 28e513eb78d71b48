/** The "peer" section of BENCHMARKS.md, from the figures bench/peer.bench.ts measured. */
import { cpus } from 'node:os';
import { profileTable, type ProfileSummary } from './cpu-profile-summary.js';
import type { LoadResult } from './load-generator.js';
import type { FloorRun, SplitRun, Tool, ToolRun } from './peer-runs.js';
import type { Measured } from './process-meter.js';
import { median } from './process-meter.js';

export interface PeerResults {
  date: string;
  machine: string;
  perDomain: number;
  reps: number;
  levels: number[];
  trials: number;
  loadSeconds: number;
  /** `run` flags of every counted reliabench repetition. */
  runFlags: string[];
  /** One reliabench run with its report, for reference (when the counted ones used --no-report). */
  withReport?: ToolRun;
  /** What the warm-up `reliabench run` printed: what one run does end to end. */
  rbOutput: string;
  installS: number;
  runs: ToolRun[];
  loads: LoadResult[];
  best: Record<Tool, number>;
  rbMedian: number;
  pfMedian: number;
  ceiling: number;
  startup: Record<Tool, Measured>;
  /** reliabench at its best concurrency on a longer run (more items per domain), absent in older results. */
  longer?: ToolRun[];
  /** bench/bare-client.mjs at reliabench's best concurrency, one per repetition (absent in older results). */
  floor?: FloorRun[];
  /** reliabench with HTTP made free, alone and beside the bare client; one per run length (absent in older results). */
  splits?: SplitMeasures[];
  profile?: { run: ToolRun; summary: ProfileSummary };
  benchSeconds: number;
}

/** At one run length: reliabench answered from a replay file, alone and side by side with the bare client. */
export interface SplitMeasures {
  trials: number;
  withoutHttp: FloorRun[];
  split: SplitRun[];
}

const f0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

export function peerTargets(r: PeerResults): { speedup: number; shareOfCeiling: number; speedupMet: boolean; ceilingMet: boolean } {
  const speedup = r.rbMedian / r.pfMedian;
  const shareOfCeiling = r.rbMedian / r.ceiling;
  return { speedup, shareOfCeiling, speedupMet: speedup >= 10, ceilingMet: shareOfCeiling >= 0.25 };
}

export interface LongerRun {
  trials: number;
  perSecond: number;
  /** Of the load generator's rate. */
  share: number;
  /** Medians: spawn → run record, and the ask-and-store phase's own rate. */
  startS: number;
  evalRate: number;
  runs: ToolRun[];
}

/** reliabench's longer runs (median), where start-up and warm-up weigh less than in the counted ones. */
export function longerRun(r: PeerResults): LongerRun | undefined {
  const runs = r.longer ?? [];
  const first = runs[0];
  if (first === undefined) return undefined;
  const perSecond = median(runs.map((x) => x.perSecond));
  return {
    trials: first.trials, perSecond, share: perSecond / r.ceiling, runs,
    startS: median(runs.map((x) => x.startS ?? 0)), evalRate: median(runs.map((x) => x.trials / x.evalS)),
  };
}

function longerRow(r: PeerResults): string {
  const l = longerRun(r);
  if (!l) return '';
  return `| the same, on a run of ${f0(l.trials)} trials (${f0(l.trials / r.trials)} × the items: about as long as the load generator's ${r.loadSeconds}-s window), for reference | ` +
    `**${f0(100 * l.share)}%** (${f0(l.perSecond)} trials/s, median of ${l.runs.length}: ${l.runs.map((x) => f0(x.perSecond)).join(', ')}; asking and storing alone ${f0(l.evalRate)}/s, ${f0((100 * l.evalRate) / r.ceiling)}%) | ${l.share >= 0.25 ? 'reached at this length' : 'not reached at this length'} |\n`;
}

function sweepRows(r: PeerResults): string {
  const rows: string[] = [];
  for (const tool of ['reliabench', 'promptfoo'] as const) {
    for (const c of r.levels) {
      const runs = r.runs.filter((x) => x.tool === tool && x.concurrency === c);
      if (runs.length === 0) continue;
      const med = (pick: (x: ToolRun) => number): number => median(runs.map(pick));
      const best = c === r.best[tool] ? ' (best)' : '';
      rows.push(`| ${tool} | ${c}${best} | ${runs.length} | **${f0(med((x) => x.perSecond))}** | ${runs.map((x) => f0(x.perSecond)).join(', ')} | ` +
        `${f1(med((x) => x.cpuS))} | ${f2((1000 * med((x) => x.cpuS)) / r.trials)} | ${f0(med((x) => x.peakRssMb))} | ${f1(med((x) => x.evalS))} | ` +
        `${f2((1000 * med((x) => x.serverCpuS)) / r.trials)} | ${runs.map((x) => f1(x.load1)).join(', ')} |`);
    }
  }
  return rows.join('\n');
}

function loadRows(r: PeerResults): string {
  return r.loads.map((l, i) => `| ${i === r.loads.length - 1 ? 'after the tools' : 'before the tools'} | ${l.tool} | ${l.connections} | **${f0(l.perSecond)}** | ` +
    `${f0(l.requests)} in ${f1(l.seconds)} s | ${l.failures} | ${f1(l.cpuS)} | ${f1(l.load1)} |`).join('\n');
}

export interface CpuBudget {
  cores: number;
  /** Trials/s at 25% of the load generator's rate, and the wall time a run of r.trials would then take. */
  targetRate: number;
  targetS: number;
  /** CPU seconds of reliabench's process and of the server (median run at the best concurrency). */
  toolCpuS: number;
  serverCpuS: number;
  /** The soonest that CPU could be done on every core at once, and the rate that gives. */
  floorS: number;
  floorRate: number;
  /** CPU per trial reliabench may spend for 25% (start-up included), and what it spent. */
  allowedMs: number;
  spentMs: number;
}

/**
 * Why 25% of the ceiling is or is not within reach, from this run's own figures: on this many cores, a
 * run cannot finish sooner than the CPU it and the server need, spread over every core.
 */
export function cpuBudget(r: PeerResults): CpuBudget | undefined {
  const best = r.runs.filter((x) => x.tool === 'reliabench' && x.concurrency === r.best.reliabench && x.variant === undefined);
  if (best.length === 0) return undefined;
  const cores = cpus().length;
  const toolCpuS = median(best.map((x) => x.cpuS));
  const serverCpuS = median(best.map((x) => x.serverCpuS));
  const floorS = (toolCpuS + serverCpuS) / cores;
  const targetRate = 0.25 * r.ceiling;
  const targetS = r.trials / targetRate;
  return {
    cores, targetRate, targetS, toolCpuS, serverCpuS, floorS, floorRate: r.trials / floorS,
    allowedMs: (1000 * (cores * targetS - serverCpuS)) / r.trials, spentMs: (1000 * toolCpuS) / r.trials,
  };
}

function cpuBudgetBlock(r: PeerResults): string {
  const b = cpuBudget(r);
  if (!b) return '';
  return `
**The CPU budget.** 25% of the load generator's rate is ${f0(b.targetRate)} trials/s: the ${f0(r.trials)}-trial run would have to end
${f2(b.targetS)} s after it was spawned. In the median run at the best concurrency, reliabench's process used ${f2(b.toolCpuS)} s of CPU and
the server ${f2(b.serverCpuS)} s; on ${b.cores} cores that work cannot take less than ${f2(b.floorS)} s even if every core were busy all the time,
a ceiling of ${f0(b.floorRate)} trials/s (${f0((100 * b.floorRate) / r.ceiling)}%). To reach 25%, reliabench would have to spend at most
${f2(b.allowedMs)} ms of CPU per trial, start-up included (it spent ${f2(b.spentMs)} ms), and keep both cores busy throughout.
`;
}

export interface Floor {
  perSecond: number;
  /** Of the load generator's rate. */
  share: number;
  cpuMs: number;
  runs: FloorRun[];
  /** Wall seconds of a run: the bare client's, at 25% of the load generator, and reliabench's (medians). */
  floorS: number;
  targetS: number;
  rbS: number;
}

/** The floor for a Node client (median of its repetitions), as a rate and a share of the load generator's. */
export function floorRate(r: PeerResults): Floor | undefined {
  if (!r.floor || r.floor.length === 0) return undefined;
  const perSecond = median(r.floor.map((x) => x.perSecond));
  return {
    perSecond, share: perSecond / r.ceiling, cpuMs: (1000 * median(r.floor.map((x) => x.cpuS))) / r.trials, runs: r.floor,
    floorS: r.trials / perSecond, targetS: r.trials / (0.25 * r.ceiling), rbS: r.trials / r.rbMedian,
  };
}

/** Where the wall time of reliabench's counted runs at the best concurrency went, by the run record's timestamps. */
function wallSplit(r: PeerResults): string {
  const best = r.runs.filter((x) => x.tool === 'reliabench' && x.concurrency === r.best.reliabench && x.variant === undefined && x.startS !== undefined);
  if (best.length === 0) return '';
  const med = (pick: (x: ToolRun) => number): number => median(best.map(pick));
  const startS = med((x) => x.startS as number);
  const evalS = med((x) => x.evalS);
  const afterS = med((x) => x.wallS - (x.startS as number) - x.evalS);
  const us = (secs: number): string => f0((1e6 * secs) / r.trials);
  return `
**Where a run's wall time goes** (medians over the ${best.length} counted runs at concurrency ${r.best.reliabench}, from the run record's timestamps):
${f2(startS)} s from spawn until the run record exists (Node, reliabench's modules, the workspace, items and plan; ${us(startS)} µs per trial),
${f2(evalS)} s asking and storing (${us(evalS)} µs per trial), ${f2(afterS)} s grading and closing the store (${us(afterS)} µs per trial).
`;
}

function floorBlock(r: PeerResults): string {
  const fl = floorRate(r);
  if (!fl) return '';
  const c = fl.runs[0]?.concurrency ?? r.best.reliabench;
  const { floorS, targetS, rbS } = fl;
  const verdict = fl.share < 0.25
    ? `25% of the load generator is beyond this floor itself: at ${f0(r.trials)} trials per fresh process, on this machine, no client that sends its requests through undici reaches it, whatever else it leaves out.`
    : `A ${f0(r.trials)}-trial run at 25% must end within ${f2(targetS)} s; the bare client takes ${f2(floorS)} s of that, which leaves ${f2(targetS - floorS)} s ` +
      `(${f0((1e6 * (targetS - floorS)) / r.trials)} µs per trial) for everything reliabench does besides sending requests and parsing answers: loading its modules and items, ` +
      `rendering, the response cache, SQLite with the viewer's facets, grading. reliabench's median run took ${f2(rbS)} s, ${f2(rbS - floorS)} s ` +
      `(${f0((1e6 * (rbS - floorS)) / r.trials)} µs per trial) beyond the floor.`;
  return `${wallSplit(r)}
**The floor for a Node client.** \`node bench/bare-client.mjs\` sends the same ${f0(r.trials)} requests at concurrency ${c} through the
same undici connection pool and dispatch API reliabench's adapter uses, parses each JSON answer and does nothing else
(no rendering, retries, timeouts, cache, SQLite or grading), as a fresh process like each tool's repetition:
**${f0(fl.perSecond)} requests/s**, median of ${fl.runs.length} (each run: ${fl.runs.map((x) => f0(x.perSecond)).join(', ')}), at ${f2(fl.cpuMs)} ms of CPU per
request, start-up included: **${f0(100 * fl.share)}% of the load generator**. ${verdict}
`;
}

/** Medians of one SplitMeasures, against the load generator's rate. */
export interface SplitFigures {
  trials: number;
  /** The wall time a run of this length may take at 25% of the load generator. */
  targetS: number;
  aloneS: number;
  splitS: number;
  perSecond: number;
  share: number;
  runs: number;
}

export function splitFigures(r: PeerResults): SplitFigures[] {
  return (r.splits ?? []).filter((m) => m.split.length > 0 && m.withoutHttp.length > 0).map((m) => {
    const splitS = median(m.split.map((x) => x.wallS));
    return {
      trials: m.trials, targetS: m.trials / (0.25 * r.ceiling), aloneS: median(m.withoutHttp.map((x) => x.wallS)), splitS,
      perSecond: m.trials / splitS, share: m.trials / splitS / r.ceiling, runs: m.split.length,
    };
  });
}

/** What the split figures say about the 25% target at the counted run length, and at the longer one. */
export function splitVerdict(r: PeerResults): string {
  const [counted, longer] = splitFigures(r);
  if (!counted) return '';
  const here = counted.share < 0.25
    ? `At ${f0(counted.trials)} trials per fresh process, 25% is out of reach on this ${cpus().length}-core machine even with the work split perfectly: ` +
      `reliabench's work besides HTTP takes ${f2(counted.aloneS)} s on its own (${f0((100 * counted.aloneS) / counted.targetS)}% of the ${f2(counted.targetS)} s allowed), ` +
      `and beside the requests the pair needs ${f2(counted.splitS)} s (${f0(100 * counted.share)}%). Better overlap cannot close that gap; only a much cheaper start-up, store and grader could.`
    : `At ${f0(counted.trials)} trials this split would reach ${f0(100 * counted.share)}%: sending requests on one thread and storing and grading on another is the redesign that would meet 25%.`;
  if (!longer) return here;
  const today = longerRun(r);
  return `${here} At ${f0(longer.trials)} trials the same split reaches ${f0(100 * longer.share)}%${today ? `, where today's \`run\`, which asks, stores and grades on one thread, reaches ${f0(100 * today.share)}%` : ''}.`;
}

function splitBlock(r: PeerResults): string {
  const figures = splitFigures(r);
  if (figures.length === 0) return '';
  const rows = figures.map((f) => `| ${f0(f.trials)} | ${f2(f.targetS)} s | ${f2(f.aloneS)} s | ${f2(f.splitS)} s | ${f0(f.perSecond)} | **${f0(100 * f.share)}%** |`);
  return `
**With HTTP made free, and the best split of the work.** \`run --model replay:<the warm-up run's answers>\` answers the same trials
from a file: it does everything reliabench does except HTTP (start-up, items and plan, rendering, SQLite with the viewer's facets,
grading), and skips the response cache too (replay answers are not cached). Started at the same moment as the bare client, the pair is the
best any design could do that sends the requests on one thread and does all the rest on another, with nothing paid for handing the
answers over. Medians of ${figures[0]?.runs ?? 0} runs each, same concurrency:

| trials per run | at 25% the run must end within | reliabench without HTTP, alone | beside the bare client: both done after | trials/s | of the load generator |
|---|---|---|---|---|---|
${rows.join('\n')}

${splitVerdict(r)}
`;
}

function profileBlock(r: PeerResults): string {
  if (!r.profile) return '';
  const { run, summary } = r.profile;
  return `
### Where reliabench's time goes (a target is missed)
${peerTargets(r).ceilingMet ? '' : cpuBudgetBlock(r) + floorBlock(r) + splitBlock(r)}
One more reliabench run at concurrency ${run.concurrency} under \`node --cpu-prof\` (${f0(run.perSecond)} trials/s with the
profiler on; ${f1(run.cpuS)} s CPU). Self time by area, then the heaviest functions, as shares of the sampled busy time
(${f0(summary.busyMs)} ms; samples are wall-clock, so on a loaded machine they include time the thread waited for a core):

${profileTable(summary, 'areas')}

${profileTable(summary, 'functions')}

Summarised with \`npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile\`.
`;
}

export function peerSection(r: PeerResults): string {
  const t = peerTargets(r);
  const rbBest = r.runs.filter((x) => x.tool === 'reliabench' && x.concurrency === r.best.reliabench);
  const pfBest = r.runs.filter((x) => x.tool === 'promptfoo' && x.concurrency === r.best.promptfoo);
  const cpuPerTrial = (runs: ToolRun[]): number => (1000 * median(runs.map((x) => x.cpuS))) / r.trials;
  const rbCpu = cpuPerTrial(rbBest);
  const pfCpu = cpuPerTrial(pfBest);
  const wrkRow = r.loads.find((l) => l.tool === 'wrk');
  const yes = (ok: boolean): string => (ok ? '**met**' : '**missed**');
  return `## peer: reliabench vs promptfoo vs a load generator, against one local server that answers at once

Command (run by \`npm run bench\`; the peer tools live in \`bench/peer/\`, installed there on first use with
\`npm ci --prefix bench/peer\`${r.installS > 0 ? ` — ${f0(r.installS)} s in this run` : ''}):

\`\`\`
npm run build && npx tsx bench/peer.bench.ts --per-domain ${r.perDomain} --reps ${r.reps} --levels ${r.levels.join(',')} --load-seconds ${r.loadSeconds}
# server:     node --import tsx bench/instant-server.ts          (its own process; fixed 17-character answer)
# reliabench: node dist/cli/main.js run --model openai-compatible:http://127.0.0.1:PORT/v1#bench \\
#               --domains addition,anagram,locality,science,transforms --per-domain ${r.perDomain} --seed 1 \\
#               --science-data <ARC+MMLU folder> --concurrency C --workspace <fresh copy of an item-only workspace> --quiet${r.runFlags.length ? ` ${r.runFlags.join(' ')}` : ''}
# promptfoo:  node bench/peer/node_modules/promptfoo/dist/src/entrypoint.js eval -c promptfooconfig.json \\
#               --no-cache -j C -o results.json --no-table --no-progress-bar --no-share
#             (0.121.20; PROMPTFOO_CONFIG_DIR=<fresh dir>, PROMPTFOO_DISABLE_TELEMETRY=1, PROMPTFOO_DISABLE_UPDATE=1,
#              PROMPTFOO_DISABLE_SHARING=1, PROMPTFOO_DISABLE_REMOTE_GENERATION=1, PROMPTFOO_SELF_HOSTED=1,
#              PROMPTFOO_CACHE_ENABLED=false, PROMPTFOO_DISABLE_DEBUG_LOG=1)
# load:       autocannon -c 16|64 -d ${r.loadSeconds} -m POST -b '<one of the prompts as a chat request>' http://127.0.0.1:PORT/v1/chat/completions
#             wrk -t1 -c64 (where /usr/bin/wrk exists; not the baseline, shown for reference)
# floor:      node bench/bare-client.mjs http://127.0.0.1:PORT bodies.json C     (the same requests, nothing else done)
# no HTTP:    the reliabench command above with --model replay:answers.jsonl      (the warm-up run's answers)
\`\`\`

Machine: ${r.machine}. Date: ${r.date}. ${cpus().length} cores shared with other jobs: the load average (1 min) is given
with every figure; ratios within this one run are what count.

**Workload**: ${f0(r.trials)} trials per repetition — ${r.perDomain} items per domain × 5 domains × 15 templates, the prompts
reliabench renders (chat mode), exported from a warm-up reliabench run into a promptfoo config with one test case per
prompt, so both tools send the same ${f0(r.trials)} chat requests to the same server. reliabench's \`run\` does all it does
for a user (its output is below: it stores every trial in SQLite and grades it with the rule grader${r.runFlags.includes('--no-report') ? `; \`--no-report\` leaves out the charts and HTML report \`run\` also writes by default — the issue's pipeline is render → request → grade → store, as promptfoo's is — and one run with the report is shown apart` : ''}); promptfoo writes its own SQLite database and a JSON results
file, with one \`icontains\` gold check per test case. Each repetition is a whole process, from spawn
to exit (start-up included), with no cache: reliabench gets a fresh copy of a workspace holding only the items,
promptfoo \`--no-cache\` and a fresh home. The server counts requests; every repetition sent exactly ${f0(r.trials)}.
Tools alternate (reliabench, promptfoo, reliabench, …): first one run each at concurrency ${r.levels.join(', ')}, then
${r.reps - 1} more at each tool's best concurrency. CPU is user + system of the tool's process tree (GNU time); peak
memory is the largest RSS (GNU time, and a once-a-second sample of the tree).

What one reliabench \`run\` did end to end (the warm-up run's output, paths shortened):

\`\`\`
${r.rbOutput}
\`\`\`

| | reliabench | promptfoo | load generator (autocannon) |
|---|---|---|---|
| best concurrency | ${r.best.reliabench} | ${r.best.promptfoo} | ${r.loads.filter((l) => l.tool === 'autocannon').reduce((a, b) => (b.perSecond > a.perSecond ? b : a)).connections} connections |
| trials (requests) per second, median of ${r.reps} | **${f0(r.rbMedian)}** | **${f0(r.pfMedian)}** | **${f0(r.ceiling)}** (highest of ${r.loads.filter((l) => l.tool === 'autocannon').length} runs) |
| trials/s within the tool's own eval phase (median; start-up, loading and results excluded) | ${f0(median(rbBest.map((x) => r.trials / x.evalS)))} | ${f0(median(pfBest.map((x) => r.trials / x.evalS)))} | — |
| CPU per trial (median run) | ${f2(rbCpu)} ms | ${f2(pfCpu)} ms | — |
| peak RSS (median run) | ${f0(median(rbBest.map((x) => x.peakRssMb)))} MB | ${f0(median(pfBest.map((x) => x.peakRssMb)))} MB | — |
| start-up alone (\`--version\`: wall, CPU, RSS) | ${f2(r.startup.reliabench.wallS)} s, ${f2(r.startup.reliabench.cpuS)} s, ${f0(r.startup.reliabench.peakRssMb)} MB | ${f2(r.startup.promptfoo.wallS)} s, ${f2(r.startup.promptfoo.cpuS)} s, ${f0(r.startup.promptfoo.peakRssMb)} MB | — |

| target | measured in this run | |
|---|---|---|
| reliabench ≥ 10 × promptfoo's trials/s, each at its best concurrency | **${f1(t.speedup)} ×** (per CPU-second: ${f1(pfCpu / rbCpu)} ×) | ${yes(t.speedupMet)} |
| reliabench ≥ 25% of the load generator's request rate | **${f0(100 * t.shareOfCeiling)}%**${wrkRow ? ` (of wrk's ${f0(wrkRow.perSecond)}: ${f0((100 * r.rbMedian) / wrkRow.perSecond)}%)` : ''} | ${yes(t.ceilingMet)} |
${longerRow(r)}
Every repetition:

| tool | concurrency | runs | trials/s (median) | each run | CPU s | CPU ms/trial | peak RSS MB | tool's own eval phase s | server CPU ms/trial | load (1 min) |
|---|---|---|---|---|---|---|---|---|---|---|
${sweepRows(r)}

${r.withReport ? `For reference, one reliabench run at concurrency ${r.withReport.concurrency} *with* its report (the default \`run\`): ${f0(r.withReport.perSecond)} trials/s, ${f1(r.withReport.cpuS)} s CPU, peak RSS ${f0(r.withReport.peakRssMb)} MB (load ${f1(r.withReport.load1)}).\n\n` : ''}"Tool's own eval phase": promptfoo's reported \`durationMs\`; for reliabench, its run record from creation to completion
(requests and stores, before grading). The rest of the wall time is start-up, loading, grading and writing results.

Load generator (the server's ceiling on this machine, in this run):

| when | tool | connections | requests/s | requests | failures | CPU s | load (1 min) |
|---|---|---|---|---|---|---|---|
${loadRows(r)}
${profileBlock(r)}
Peer benchmark wall time: ${f0(r.benchSeconds)} s.
`;
}
