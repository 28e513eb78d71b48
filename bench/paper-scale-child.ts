/**
 * One repetition of bench/paper-scale.bench.ts, in its own process (so its peak RSS is its own):
 * simulate the study (setup, timed apart), then analyse it with the settings `reliabench report`
 * uses by default and build the full report into a temporary folder, as `reliabench report` does.
 * Prints one JSON line (PaperChildFigures) and removes the folder.
 *
 *   npx tsx bench/paper-scale-child.ts [--models 32] [--items 1000] [--keep DIR]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analysis/analyse.js';
import { analysisSettings } from '../src/cli/analyse-run.js';
import { buildReport } from '../src/report/build-report.js';
import type { PaperChildFigures } from './paper-scale-report.js';
import { PAPER_SHAPE, generateStudy, trials } from './paper-scale-workload.js';

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const shape = { models: Number(flag('models', String(PAPER_SHAPE.models))), items: Number(flag('items', String(PAPER_SHAPE.items))) };
const keep = flag('keep', '');

const cpuS = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
const rssMb = (): number => process.resourceUsage().maxRSS / 1024;

const g0 = performance.now();
const gCpu = process.cpuUsage();
const study = generateStudy(shape);
const generateS = (performance.now() - g0) / 1000;
const generateCpuS = cpuS(process.cpuUsage(gCpu));
const rssAfterGenerateMb = rssMb();

// What `reliabench report` does (src/cli/report-command.ts writeReport → analyseRun): the CLI's default
// analysis settings, the run's model metadata and S2 judgements, then buildReport with PNGs.
const settings = analysisSettings({});
const a0 = performance.now();
const aCpu = process.cpuUsage();
const analysis = analyse(trials(study), { ...settings, metadata: study.metadata, judgements: study.judgements });
const analyseS = (performance.now() - a0) / 1000;
const analyseCpuS = cpuS(process.cpuUsage(aCpu));
const rssAfterAnalyseMb = rssMb();

const out = keep || mkdtempSync(join(tmpdir(), 'rb-paper-scale-'));
try {
  const r0 = performance.now();
  const rCpu = process.cpuUsage();
  const { files } = await buildReport({
    title: `reliabench report: paper scale (${study.trialCount.toLocaleString('en-US')} simulated trials)`,
    runIds: ['paper-scale'],
    createdAt: new Date().toISOString(),
    analysis,
    examples: study.examples,
  }, out, { png: true });
  const reportS = (performance.now() - r0) / 1000;
  const reportCpuS = cpuS(process.cpuUsage(rCpu));
  const bytes = (f: string): number => statSync(join(out, f)).size;
  const figures: PaperChildFigures = {
    trials: study.trialCount,
    models: analysis.models.length,
    supervisedModels: analysis.models.filter((m) => m.domains.some((d) => d.supervision !== null)).length,
    judgements: study.judgements.length,
    examples: study.examples.length,
    trendSeries: analysis.trends.length,
    bootstrapSamples: analysis.settings.bootstrapSamples,
    generateS, generateCpuS, analyseS, analyseCpuS, reportS, reportCpuS,
    rssAfterGenerateMb, rssAfterAnalyseMb, peakRssMb: rssMb(),
    files: files.length,
    svg: files.filter((f) => f.endsWith('.svg')).length,
    png: files.filter((f) => f.endsWith('.png')).length,
    reportMb: readdirSync(out, { recursive: true, encoding: 'utf8' }).reduce((s, f) => s + (statSync(join(out, f)).isFile() ? bytes(f) : 0), 0) / 2 ** 20,
    metricsMb: bytes('metrics.json') / 2 ** 20,
    htmlMb: bytes('index.html') / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}
