/**
 * Analysis throughput: simulate 2,400,000 graded trials (32 models × 5 domains × 1,000 items × 15
 * templates) and time `analyse` on them: wall clock, CPU time and peak resident memory. Issue 5's
 * target is ≤ 60 s and ≤ 2 GB for the analysis plus the report on a 2-core machine; this measures
 * the analysis part. Prints the figures (it does not write BENCHMARKS.md).
 *
 *   npx tsx bench/analysis.bench.ts [--models 32] [--items 1000] [--bootstrap 1000] [--stream]
 *
 * --stream feeds `analyse` from a generator instead of an array of 2.4 M trial objects, so the
 * trials are never all in memory at once (the store can stream rows the same way).
 */
import { cpus, loadavg } from 'node:os';
import { DOMAIN_NAMES } from '../src/core/item.js';
import { analyse } from '../src/analysis/analyse.js';
import { simulateTrials, type SimulatedRespondent } from '../src/analysis/simulate.js';
import type { GradedTrial, ModelMetadata } from '../src/analysis/analysis-types.js';
import { machineLine } from './benchmarks-file.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const MODELS = option('models', 32);
const ITEMS = option('items', 1000);
const BOOTSTRAP = option('bootstrap', 1000);
const STREAM = process.argv.includes('--stream');

/** Models that differ the way real ones do: ability, slope, avoidance, one worse template each. */
function respondents(): SimulatedRespondent[] {
  const out: SimulatedRespondent[] = [];
  for (let m = 0; m < MODELS; m++) {
    DOMAIN_NAMES.forEach((domain, d) => {
      out.push({
        modelKey: `sim-${String(m).padStart(2, '0')}`,
        domain,
        items: ITEMS,
        midpoint: 25 + ((m * 7 + d * 11) % 60),
        scale: 5 + (m % 4) * 3,
        avoidance: { easiest: 0.05 + (m % 3) * 0.1, hardest: 0.2 + (m % 5) * 0.1 },
        templateOffsets: Array.from({ length: 15 }, (_, t) => (t === (m + d) % 15 ? -1 : 0)),
      });
    });
  }
  return out;
}

function* allTrials(specs: readonly SimulatedRespondent[]): Generator<GradedTrial> {
  for (const s of specs) yield* simulateTrials(s, 'bench');
}

const specs = respondents();
const metadata: Record<string, ModelMetadata> = {};
for (let m = 0; m < MODELS; m++) metadata[`sim-${String(m).padStart(2, '0')}`] = { family: `fam-${m % 8}`, sizeB: 2 ** (m % 8), shaping: m % 2 === 0 ? 'raw' : 'shaped' };

const g0 = process.hrtime.bigint();
const trials: Iterable<GradedTrial> = STREAM ? allTrials(specs) : [...allTrials(specs)];
const generateS = Number(process.hrtime.bigint() - g0) / 1e9;
const count = STREAM ? MODELS * DOMAIN_NAMES.length * ITEMS * 15 : (trials as GradedTrial[]).length;

const load0 = loadavg()[0] as number;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const analysis = analyse(trials, { epsilon: 0.05, alpha: 0.05, bootstrapSamples: BOOTSTRAP, seed: 'bench', metadata });
const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const json = JSON.stringify(analysis);
const peakMiB = process.resourceUsage().maxRSS / 1024;

console.log(`machine: ${machineLine()}; load before ${load0.toFixed(1)} on ${cpus().length} cores`);
console.log(`trials: ${count.toLocaleString('en-US')} (${MODELS} models × ${DOMAIN_NAMES.length} domains × ${ITEMS} items × 15 templates), ${STREAM ? 'streamed from a generator' : `simulated into an array in ${generateS.toFixed(1)} s`}`);
console.log(`analyse: ${wallS.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${BOOTSTRAP} bootstrap replicates`);
console.log(`peak RSS of the process: ${peakMiB.toFixed(0)} MiB; metrics.json would be ${(json.length / 2 ** 20).toFixed(1)} MiB`);
