/** The closing "summary" section of BENCHMARKS.md, written by bench/run-all.ts. */
import { paperTarget, TARGET_MB, TARGET_S, type PaperResults } from './paper-scale-report.js';
import { cpuBudget, floorRate, longerRun, splitVerdict, type PeerResults } from './peer-report.js';
import { median } from './process-meter.js';
import type { AnalysisGrowth, ScaleRow } from './scale-report.js';

export interface ScriptResult {
  name: string;
  command: string;
  seconds: number;
  exitCode: number;
  timedOut: boolean;
  load1: number;
}

/** bench/grader.bench.ts's headline figures (--out): responses per CPU-second of the study run. */
export interface GraderResults {
  responses: number;
  sustained: number;
  freshProcess: number;
}
/** Issue #4's target for the rule grader, per CPU-second on one core. */
export const GRADER_TARGET = 50_000;

export interface SummaryInput {
  command: string;
  machine: string;
  date: string;
  budgetS: number;
  totalS: number;
  scripts: ScriptResult[];
  peer?: PeerResults;
  peerTargets?: { speedup: number; shareOfCeiling: number; speedupMet: boolean; ceilingMet: boolean };
  scale?: ScaleRow[];
  analysisGrowth?: AnalysisGrowth | undefined;
  /** bench/paper-scale.bench.ts's figures. */
  paperScale?: PaperResults;
  grader?: GraderResults;
}

const f0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const f1 = (x: number): string => x.toFixed(1);
const verdict = (met: boolean | undefined): string => (met === undefined ? '**not measured**' : met ? 'met' : '**missed**');

/** Where reliabench's CPU went in the profiled run, in one sentence. */
function budgetNote(peer: PeerResults): string {
  const b = cpuBudget(peer);
  if (!b) return '';
  return ` On ${b.cores} cores the CPU of its median run and the server's allows at most ${f0((100 * b.floorRate) / peer.ceiling)}%; 25% needs at most ` +
    `${b.allowedMs.toFixed(2)} ms of CPU per trial, start-up included, against the ${b.spentMs.toFixed(2)} ms it spent (peer section, "The CPU budget").`;
}

/** What a bare Node client reached on the same requests (peer section, "The floor for a Node client"). */
function floorNote(peer: PeerResults): string {
  const fl = floorRate(peer);
  if (!fl) return '';
  const allowedUs = (1e6 * (fl.targetS - fl.floorS)) / peer.trials;
  const spentUs = (1e6 * (fl.rbS - fl.floorS)) / peer.trials;
  return ` A bare Node client sending the same requests through the same undici pool and doing nothing else reached ${f0(100 * fl.share)}% ` +
    `(${f0(fl.perSecond)} requests/s)${fl.share >= 0.25 ? `: 25% leaves reliabench ${f0(allowedUs)} µs per trial beyond that floor, start-up included, and it took ${f0(spentUs)} µs` : ''} (peer section, "The floor for a Node client").`;
}

/** The same share on a longer run (peer section, the targets table's reference row). */
function longerNote(peer: PeerResults): string {
  const l = longerRun(peer);
  if (!l) return '';
  return ` On a run of ${f0(l.trials)} trials, about as long as the load generator's window, reliabench reached ${f0(100 * l.share)}% (${f0(l.perSecond)} trials/s).`;
}

/** reliabench with HTTP made free, alone and beside the bare client (peer section, "With HTTP made free"). */
function splitNote(peer: PeerResults): string {
  const v = splitVerdict(peer).replace(/\.$/, '');
  return v ? ` ${v} (peer section, "With HTTP made free, and the best split of the work").` : '';
}

function whereTimeGoes(peer: PeerResults): string {
  if (!peer.profile) return '';
  const areas = peer.profile.summary.areas.slice(0, 6).map((a) => `${a.name} ${f0(100 * a.share)}%`).join(', ');
  return ` The CPU profile of a reliabench run (peer section) puts its busy time in: ${areas}.`;
}

export function summarySection(s: SummaryInput): string {
  const withinBudget = s.totalS < s.budgetS && s.scripts.every((r) => !r.timedOut);
  const t = s.peerTargets;
  const g = s.analysisGrowth;
  const p = s.paperScale ? paperTarget(s.paperScale) : undefined;
  const paperRuns = s.paperScale?.runs ?? [];
  const targets: { name: string; measured: string; met: boolean | undefined }[] = [
    {
      name: `\`npm run bench\` unattended in under ${f0(s.budgetS / 60)} minutes, every script finished`,
      measured: `${f1(s.totalS / 60)} min${s.scripts.some((r) => r.timedOut) ? `; stopped at its deadline: ${s.scripts.filter((r) => r.timedOut).map((r) => r.name).join(', ')}` : ''}`, met: withinBudget,
    },
    {
      name: 'reliabench ≥ 10 × promptfoo trials/s (each at its best concurrency)',
      measured: t && s.peer ? `${f1(t.speedup)} × (${f0(s.peer.rbMedian)} vs ${f0(s.peer.pfMedian)} trials/s)` : '—', met: t?.speedupMet,
    },
    {
      name: 'reliabench ≥ 25% of the load generator\'s request rate',
      measured: t && s.peer ? `${f0(100 * t.shareOfCeiling)}% (${f0(s.peer.rbMedian)} of ${f0(s.peer.ceiling)} req/s)` : '—', met: t?.ceilingMet,
    },
    {
      name: 'analysis time no worse than linear from 100k to 2.4M trials',
      measured: g ? `CPU time ∝ trials^${g.exponent.toFixed(2)} (wall ^${g.wallExponent.toFixed(2)}; ${g.source === 'store' ? 'over the store' : 'simulated trials'})` : '—', met: g?.met,
    },
    {
      name: `analyse + report 2.4M trials ≤ ${TARGET_S} s, ≤ 2 GB`,
      measured: p ? `${f1(p.seconds)} s, ${f0(p.peakMb)} MB peak RSS (median of ${paperRuns.length}; load ${paperRuns.map((r) => f1(r.loadBefore[0] ?? NaN)).join(', ')} at the starts)` : '—',
      met: p?.met,
    },
  ];
  const gr = s.grader;
  targets.push({
    name: `rule grader ≥ ${f0(GRADER_TARGET)} responses per CPU-second on one core (study run, sustained)`,
    measured: gr ? `${f0(gr.sustained)}/CPU-s over ${f0(gr.responses)} responses (from a fresh process, warm-up included: ${f0(gr.freshProcess)})` : '—',
    met: gr ? gr.sustained >= GRADER_TARGET : undefined,
  });
  const missed = targets.filter((x) => x.met === false).map((x) => x.name);
  const unmeasured = targets.filter((x) => x.met === undefined).map((x) => x.name);
  const failedScripts = s.scripts.filter((r) => r.exitCode !== 0 || r.timedOut);
  const skipped = (s.scale ?? []).filter((r) => r.skipped && !r.recorded).map((r) => r.size);
  const recorded = (s.scale ?? []).filter((r) => r.recorded);

  const note: string[] = [];
  if (missed.length === 0 && unmeasured.length === 0) note.push('Every target above was met in this run.');
  if (missed.length > 0) note.push(`**Missed in this run:** ${missed.join('; ')}.`);
  if (t && !t.speedupMet && s.peer) {
    note.push(`reliabench answered ${f1(t.speedup)} × as many trials per second as promptfoo, not 10 ×: with a server that answers at once both tools are CPU-bound on 2 shared cores, and per trial reliabench spends ` +
      `${f1((1000 * medianCpu(s.peer, 'reliabench')) / s.peer.trials)} ms of CPU to promptfoo's ${f1((1000 * medianCpu(s.peer, 'promptfoo')) / s.peer.trials)} ms.`);
  }
  if (t && !t.ceilingMet && s.peer) {
    note.push(`reliabench reached ${f0(100 * t.shareOfCeiling)}% of the load generator's ${f0(s.peer.ceiling)} requests/s, not 25%: a whole \`run\` process (start-up, item loading, HTTP requests and response parsing, SQLite writes with the viewer's facets, grading) costs far more CPU per trial than a load generator's bare request.${budgetNote(s.peer)}${floorNote(s.peer)}${longerNote(s.peer)}${splitNote(s.peer)}${whereTimeGoes(s.peer)}`);
  }
  if (p && !p.met) {
    note.push(`Analysing and reporting 2.4M trials took ${f1(p.seconds)} s (median) and ${f0(p.peakMb)} MB at peak, against ${TARGET_S} s and ${f0(TARGET_MB)} MB (paper-scale section: the split between analysis and report, and the load during each run).`);
  }
  if (gr && gr.sustained < GRADER_TARGET) note.push(`The rule grader graded ${f0(gr.sustained)} responses per CPU-second once warm, not ${f0(GRADER_TARGET)} (grade section: where its time goes).`);
  if (g && !g.met) note.push(`Analysis CPU time grew with exponent ${g.exponent.toFixed(2)} from 100k to 2.4M trials (1 = linear).`);
  if (unmeasured.length > 0) note.push(`**Not measured in this run:** ${unmeasured.join('; ')}.`);
  if (skipped.length > 0) note.push(`Store-based scale rows at ${skipped.join(', ')} were skipped to stay within the time budget (see the scale section for the command that measures them).`);
  if (recorded.length > 0) {
    note.push(`Store-based scale rows at ${recorded.map((r) => r.size).join(', ')} did not fit the time budget and are shown (marked †) from their own measurement: ${recorded.map((r) => `${r.size} on ${r.recorded?.date} by \`${r.recorded?.command}\``).join('; ')}.`);
  }
  if (failedScripts.length > 0) note.push(`Scripts that failed or timed out: ${failedScripts.map((r) => `${r.name} (${r.timedOut ? 'timed out' : `exit ${r.exitCode}`})`).join(', ')} — their sections keep the figures of an earlier run.`);

  return `## summary: the whole \`npm run bench\` run

Command: \`${s.command}\` (= \`tsx bench/run-all.ts\`: build, every script below in turn, then this section).
Machine: ${s.machine}. Date: ${s.date}. Total: **${f1(s.totalS / 60)} min** (budget ${f0(s.budgetS / 60)} min).

| script | command | seconds | result | load (1 min) at start |
|---|---|---|---|---|
${s.scripts.map((r) => `| ${r.name} | \`${r.command.replace(/^node --import tsx \S*\/bench\//, 'npx tsx bench/').replace(/\/tmp\/\S+/g, '<tmp>')}\` | ${f0(r.seconds)} | ${r.timedOut ? '**timed out**' : r.exitCode === 0 ? 'ok' : `**failed (exit ${r.exitCode})**`} | ${f1(r.load1)} |`).join('\n')}

| target | measured in this run | |
|---|---|---|
${targets.map((x) => `| ${x.name} | ${x.measured} | ${verdict(x.met)} |`).join('\n')}

**Closing note.** ${note.join(' ')}
`;
}

function medianCpu(peer: PeerResults, tool: 'reliabench' | 'promptfoo'): number {
  return median(peer.runs.filter((r) => r.tool === tool && r.concurrency === peer.best[tool]).map((r) => r.cpuS));
}
