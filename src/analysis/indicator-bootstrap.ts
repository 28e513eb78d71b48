/**
 * Indicators of one model, per domain and overall, with cluster-bootstrap intervals. Each replicate
 * resamples the items of every domain with replacement, within the domain (a stratified bootstrap:
 * each domain keeps its number of items), and the overall replicate is the union of the domain
 * replicates. Each model × domain draws from its own seeded stream, so its intervals do not change
 * when other models or domains are added to an analysis.
 */
import type { DomainName } from '../core/item.js';
import type { Indicators } from './analysis-types.js';
import { concatAggregates, type ItemAggregates } from './item-aggregates.js';
import { INDICATOR_KEYS, IndicatorCalculator, toIndicators } from './indicators.js';
import { bootstrapStream, resampleCounts } from './stats/bootstrap.js';
import type { DrawStream } from './stats/draw-stream.js';

export interface DomainUnit {
  domain: DomainName;
  items: ItemAggregates;
  trials: number;
  /** Per-bin spreads of per-template correctness (bins with ≥ 2 templates). */
  templateSpreads: number[];
}

export interface BootstrapSettings {
  samples: number;
  seed: string;
  confidence: number;
}

const K = INDICATOR_KEYS.length;

class Unit {
  readonly calculator: IndicatorCalculator;
  readonly point = new Float64Array(K);
  readonly replicates: Float64Array[];

  constructor(items: ItemAggregates, samples: number, readonly weights: Int32Array, readonly stream: DrawStream | null) {
    this.calculator = new IndicatorCalculator(items);
    this.calculator.compute(null, this.point);
    this.replicates = INDICATOR_KEYS.map(() => new Float64Array(samples));
  }

  record(b: number, scratch: Float64Array): void {
    this.calculator.compute(this.weights, scratch);
    for (let k = 0; k < K; k++) (this.replicates[k] as Float64Array)[b] = scratch[k] as number;
  }
}

export function modelIndicators(
  modelKey: string,
  units: readonly DomainUnit[],
  settings: BootstrapSettings,
): { domains: Indicators[]; overall: Indicators } {
  const all = concatAggregates(units.map((u) => u.items));
  const weights = new Int32Array(all.count);
  let offset = 0;
  const domainUnits = units.map((u) => {
    const view = weights.subarray(offset, (offset += u.items.count));
    return new Unit(u.items, settings.samples, view, bootstrapStream(settings.seed, `${modelKey}:${u.domain}`));
  });
  const overall = new Unit(all, settings.samples, weights, null);
  const scratch = new Float64Array(K);
  for (let b = 0; b < settings.samples; b++) {
    for (const unit of domainUnits) {
      resampleCounts(unit.stream as DrawStream, unit.weights);
      unit.record(b, scratch);
    }
    overall.record(b, scratch);
  }
  const build = (unit: Unit, trials: number, spreads: number[]): Indicators =>
    toIndicators(trials, unit.point, unit.replicates, mean(spreads), settings.confidence);
  return {
    domains: units.map((u, d) => build(domainUnits[d] as Unit, u.trials, u.templateSpreads)),
    overall: build(overall, units.reduce((s, u) => s + u.trials, 0), units.flatMap((u) => u.templateSpreads)),
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
