/** The "paper-scale" section of BENCHMARKS.md and its target, from bench/paper-scale.bench.ts's figures. */
import { median } from './process-meter.js';

/** What one child process (bench/paper-scale-child.ts) measured inside itself. */
export interface PaperChildFigures {
  trials: number;
  models: number;
  supervisedModels: number;
  judgements: number;
  examples: number;
  trendSeries: number;
  bootstrapSamples: number;
  /** Simulating the trials: setup, not part of the target. */
  generateS: number;
  generateCpuS: number;
  analyseS: number;
  analyseCpuS: number;
  reportS: number;
  reportCpuS: number;
  rssAfterGenerateMb: number;
  rssAfterAnalyseMb: number;
  peakRssMb: number;
  files: number;
  svg: number;
  png: number;
  reportMb: number;
  metricsMb: number;
  htmlMb: number;
}

/** One repetition: the child's own figures plus the whole process as GNU time saw it. */
export interface PaperRun extends PaperChildFigures {
  processWallS: number;
  processCpuS: number;
  /** Largest of GNU time's max RSS and the sampled RSS of the process tree. */
  processPeakRssMb: number;
  loadBefore: number[];
  loadAfter: number[];
}

export interface PaperResults {
  command: string;
  machine: string;
  date: string;
  cores: number;
  runs: PaperRun[];
  /** Repetitions asked for; fewer ran when the time budget ran out. */
  runsPlanned: number;
  /** Why fewer repetitions ran than planned, or failures. */
  notes: string[];
  seconds: number;
}

export const TARGET_S = 60;
/** 2 GB, counted as the other sections count MB (2^20 bytes): 2,048 MB. */
export const TARGET_MB = 2048;

export interface PaperTarget {
  /** Median over repetitions of analysis + report wall time. */
  seconds: number;
  /** Median peak RSS of the whole child process. */
  peakMb: number;
  /** The largest of any repetition, for the record. */
  worstSeconds: number;
  worstPeakMb: number;
  met: boolean;
}

export const analyseAndReportS = (r: PaperRun): number => r.analyseS + r.reportS;

export function paperTarget(results: PaperResults): PaperTarget | undefined {
  if (results.runs.length === 0) return undefined;
  const seconds = median(results.runs.map(analyseAndReportS));
  const peakMb = median(results.runs.map((r) => r.processPeakRssMb));
  return {
    seconds, peakMb,
    worstSeconds: Math.max(...results.runs.map(analyseAndReportS)),
    worstPeakMb: Math.max(...results.runs.map((r) => r.processPeakRssMb)),
    met: seconds <= TARGET_S && peakMb <= TARGET_MB,
  };
}

const f0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const f1 = (x: number): string => x.toFixed(1);
const loads = (l: readonly number[]): string => l.map(f1).join(' / ');

export function paperScaleSection(results: PaperResults): string {
  const t = paperTarget(results);
  const r0 = results.runs[0];
  const med = (pick: (r: PaperRun) => number): number => median(results.runs.map(pick));
  const row = (r: PaperRun, i: number): string =>
    `| ${i + 1} | ${f1(r.generateS)} s (CPU ${f1(r.generateCpuS)} s) | ${f1(r.analyseS)} s (CPU ${f1(r.analyseCpuS)} s) | ${f1(r.reportS)} s (CPU ${f1(r.reportCpuS)} s) | ` +
    `**${f1(analyseAndReportS(r))} s** | ${f1(r.processWallS)} s (CPU ${f1(r.processCpuS)} s) | ${f0(r.rssAfterAnalyseMb)} MB | **${f0(r.processPeakRssMb)} MB** | ${loads(r.loadBefore)} → ${loads(r.loadAfter)} |`;
  const medianRow = results.runs.length > 1
    ? `| median | ${f1(med((r) => r.generateS))} s | ${f1(med((r) => r.analyseS))} s (CPU ${f1(med((r) => r.analyseCpuS))} s) | ${f1(med((r) => r.reportS))} s (CPU ${f1(med((r) => r.reportCpuS))} s) | ` +
      `**${f1(med(analyseAndReportS))} s** | ${f1(med((r) => r.processWallS))} s (CPU ${f1(med((r) => r.processCpuS))} s) | ${f0(med((r) => r.rssAfterAnalyseMb))} MB | **${f0(med((r) => r.processPeakRssMb))} MB** | |\n`
    : '';
  return `## paper-scale: analyse + report 2,400,000 graded trials (32 models × 5 domains × 1,000 items × 15 templates)

Command (run by \`npm run bench\`; each repetition is one child process under GNU time, \`/usr/bin/time -f '%e %U %S %M'\`):

\`\`\`
${results.command}
#   per repetition: node --import tsx bench/paper-scale-child.ts
\`\`\`

Machine: ${results.machine}. Date: ${results.date}. ${results.cores} cores shared with other jobs; load average (1 / 5 / 15 min)
before → after each repetition is in its row.

Each repetition simulates the study (setup, timed apart: one byte per trial is kept), then does what \`reliabench report\`
does: \`analyse()\` over the 2.4M graded trials, yielded one object each as the store yields rows, with the CLI's default
settings (\`analysisSettings({})\` of src/cli/analyse-run.ts: ${r0 ? f0(r0.bootstrapSamples) : '—'} bootstrap replicates clustered by item, ε = 0.05,
α = 0.05), the models' metadata and S2 judgements; then \`buildReport()\` into a temporary folder with PNGs at the default
scale — index.html, every chart as SVG and PNG, summary.md, metrics.json. Models: 4 families × 4 sizes × raw/shaped with
size and training compute as metadata; correctness a logistic function of difficulty (later midpoint for larger and shaped
models), raw models avoiding far more and more sensitive to two phrasings${r0 ? `; ${r0.supervisedModels} models with ${f0(r0.judgements)} S2 judgements; ${f0(r0.examples)} failure examples.
The report: ${r0.files} files (${r0.svg} SVG + ${r0.png} PNG charts), ${f1(r0.reportMb)} MB (metrics.json ${f1(r0.metricsMb)} MB, index.html ${f1(r0.htmlMb)} MB); ${r0.trendSeries} trend series` : ''}.

Times are wall clock (CPU time of the whole process — every thread — in brackets). "analysis + report" is the target's
figure: both timed inside the process, so Node's start-up, module loading and the simulation are left out; "whole process"
includes them. Peak RSS is the whole process's (GNU time's max RSS, or the sampled RSS if higher), simulation included.

| run | simulate trials (setup) | analyse | report | analysis + report | whole process | RSS after analyse | peak RSS | load before → after |
|---|---|---|---|---|---|---|---|---|
${results.runs.map(row).join('\n')}
${medianRow}
Target: analyse + report 2.4M trials in ≤ ${TARGET_S} s and ≤ 2 GB (${f0(TARGET_MB)} MB) peak memory on this 2-core machine —
${t ? `**${t.met ? 'met' : 'missed'}**: median ${f1(t.seconds)} s (slowest run ${f1(t.worstSeconds)} s), median peak RSS ${f0(t.peakMb)} MB (largest ${f0(t.worstPeakMb)} MB), over ${results.runs.length} of ${results.runsPlanned} planned repetitions.` : '**not measured**: no repetition completed.'}
${t && r0 ? `\nWhere the time goes (medians): the analysis ${f1(med((r) => r.analyseS))} s, most of its CPU in the bootstrap (${f0(r0.bootstrapSamples)} replicates
× ${r0.models} models × 5 domains, plus each model's overall; the rest is grouping the trials and the per-bin and per-template
tables); the report ${f1(med((r) => r.reportS))} s (${f0((100 * med((r) => r.reportS)) / t.seconds)}% of the total): ${r0.svg} charts laid out by vega on the main thread and
rasterised by resvg, and a ${f1(r0.metricsMb)} MB metrics.json. \`bench/analysis.bench.ts\` (the scale section's analysis over
simulated trials) runs 1,000 replicates by default, twice the CLI's; this section uses the CLI's.\n` : ''}${results.notes.length > 0 ? `\n${results.notes.join('\n\n')}\n` : ''}
Paper-scale benchmark wall time: ${f0(results.seconds)} s.
`;
}
