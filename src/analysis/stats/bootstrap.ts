/**
 * Seeded cluster bootstrap. The trials of one item share its difficulty and content, so they are
 * not independent; resampling *items* with replacement (each keeping all of its trials) gives
 * intervals that respect that clustering. A replicate is represented by how many times each item
 * was drawn, so statistics run on per-item aggregates and never touch individual trials.
 * The interval is the percentile interval of the replicate statistics. Draws come from DrawStream,
 * seeded from the hashed-seed Rng by the seed and a label naming the unit (model × domain).
 */
import type { Estimate } from '../analysis-types.js';
import { Rng } from '../../core/rng.js';
import { quantileSorted } from './quantile.js';
import { DrawStream } from './draw-stream.js';

/** Fills `counts` (length n) with one resample: n draws with replacement → draws per item. */
export function resampleCounts(stream: DrawStream, counts: Int32Array): void {
  stream.resample(counts);
}

/** The draw stream of one bootstrap unit: the hashed seed and a label name it. */
export function bootstrapStream(seed: string, label: string): DrawStream {
  return DrawStream.fromRng(Rng.fromSeed(seed, `bootstrap:${label}`));
}

/**
 * The point estimate with the percentile interval of its finite replicates (undefined replicates,
 * NaN, are dropped). The interval is widened to include the point estimate, which percentile
 * intervals of skewed statistics occasionally miss. No finite replicate → a zero-width interval.
 */
export function percentileEstimate(value: number, replicates: ArrayLike<number>, confidence = 0.95): Estimate {
  const finite: number[] = [];
  for (let b = 0; b < replicates.length; b++) {
    const r = replicates[b] as number;
    if (Number.isFinite(r)) finite.push(r);
  }
  if (finite.length === 0) return { value, low: value, high: value };
  const sorted = Float64Array.from(finite).sort();
  const tail = (1 - confidence) / 2;
  return {
    value,
    low: Math.min(value, quantileSorted(sorted, tail)),
    high: Math.max(value, quantileSorted(sorted, 1 - tail)),
  };
}

export interface BootstrapOptions {
  samples: number;
  seed: string;
  /** Names the stream (e.g. model and domain), so each analysis unit has its own reproducible draws. */
  label: string;
  confidence?: number;
}

/**
 * Bootstrap of one statistic over n clusters: `statistic(null)` is the point estimate on the data as
 * they are, `statistic(counts)` a replicate in which cluster j appears counts[j] times.
 */
export function clusterBootstrap(n: number, statistic: (counts: Int32Array | null) => number, options: BootstrapOptions): Estimate {
  const value = statistic(null);
  const replicates = new Float64Array(options.samples);
  const stream = bootstrapStream(options.seed, options.label);
  const counts = new Int32Array(n);
  for (let b = 0; b < options.samples; b++) {
    resampleCounts(stream, counts);
    replicates[b] = statistic(counts);
  }
  return percentileEstimate(value, replicates, options.confidence);
}
