/**
 * analyse: graded trials in, the `Analysis` contract out (a pure function, no I/O). Trials are
 * grouped once into per model × domain count tables (trial-table.ts); everything after that works
 * on per-bin and per-item counts, so the cost after the single pass over the trials grows with the
 * number of items, not trials. Definitions are in docs/analysis.md.
 */
import type { DomainName } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import type {
  Analysis,
  DifficultyRating,
  GradedTrial,
  ModelAnalysis,
  ModelDomainAnalysis,
  ModelMetadata,
  SupervisionJudgement,
} from './analysis-types.js';
import { binCounts, binShares, templateBinCounts, templateCurves, templateSpreads } from './bins.js';
import { calibrateChosen, defaultCalibration, fitCalibrations, type DomainCalibration } from './calibrate.js';
import { modelIndicators, type DomainUnit } from './indicator-bootstrap.js';
import { itemAggregates } from './item-aggregates.js';
import { safeRegion } from './safe-region.js';
import { templateSensitivity } from './sensitivity.js';
import { supervision } from './supervision.js';
import { groupTrials, type GroupTable } from './trial-table.js';
import { trends } from './trends.js';

export interface AnalyseOptions {
  /** Largest acceptable incorrect rate of the safe operating region. */
  epsilon: number;
  /** 1 − confidence of the safe region's one-sided bound; also the family-wise level of template flags. */
  alpha: number;
  /** Cluster-bootstrap replicates for the indicators' intervals (0 = point estimates only). */
  bootstrapSamples: number;
  seed: string;
  /** Per model key; a model without an entry has empty metadata. */
  metadata?: Readonly<Record<string, ModelMetadata>>;
  /** S2 judgements: supervision curves and the supervised safe region. */
  judgements?: readonly SupervisionJudgement[];
  /** S1 ratings: domains with ratings are recalibrated by PAVA (calibrate.ts). */
  ratings?: readonly DifficultyRating[];
  /** Item id → the chosen raw difficulty; needed for S1 recalibration of items no rating names. */
  chosenValues?: ReadonlyMap<string, number>;
  /** Confidence of the two-sided intervals (default 0.95). */
  confidence?: number;
}

/** The chance of a correct answer by guessing: science is 4-option multiple choice. */
const RANDOM_GUESS: Partial<Record<DomainName, number>> = { science: 0.25 };

export function analyse(trials: Iterable<GradedTrial>, options: AnalyseOptions): Analysis {
  checkOptions(options);
  const calibrations = fitCalibrations(options.ratings);
  const tables = groupTrials(trials);
  for (const table of tables) {
    const calibration = calibrations.get(table.domain);
    if (calibration !== undefined) recalibrate(table, calibration, chosenLookup(options));
  }
  const judgements = groupJudgements(options.judgements ?? []);
  const models: ModelAnalysis[] = [];
  for (const modelKey of [...new Set(tables.map((t) => t.modelKey))]) {
    const own = tables.filter((t) => t.modelKey === modelKey);
    models.push(analyseModel(modelKey, own, options, judgements));
  }
  const calibration: Partial<Record<DomainName, 'default' | 's1-pava'>> = {};
  for (const t of tables) calibration[t.domain] = (calibrations.get(t.domain) ?? defaultCalibration(t.domain)).method;
  return {
    settings: { epsilon: options.epsilon, alpha: options.alpha, bootstrapSamples: options.bootstrapSamples, seed: options.seed, calibration },
    models,
    trends: trends(models),
  };
}

function analyseModel(
  modelKey: string,
  tables: readonly GroupTable[],
  options: AnalyseOptions,
  judgements: Map<string, SupervisionJudgement[]>,
): ModelAnalysis {
  const confidence = options.confidence ?? 0.95;
  const units: DomainUnit[] = [];
  const domains: Omit<ModelDomainAnalysis, 'indicators'>[] = [];
  for (const table of tables) {
    const items = itemAggregates(table);
    const counts = binCounts(items);
    const perTemplate = templateBinCounts(table);
    const flagged = new Set(templateSensitivity(table, options.alpha).filter((t) => t.flagged).map((t) => t.templateId));
    units.push({ domain: table.domain, items, trials: table.trials, templateSpreads: templateSpreads(table.templateIds.length, perTemplate) });
    const judged = judgements.get(`${modelKey}\u0000${table.domain}`);
    domains.push({
      modelKey,
      domain: table.domain,
      bins: binShares(counts, confidence),
      templates: templateCurves(table, perTemplate, flagged, confidence),
      safeRegion: safeRegion(counts, options.epsilon, options.alpha),
      randomGuess: RANDOM_GUESS[table.domain] ?? null,
      supervision: judged === undefined ? null : supervision(judged, counts, { ...options, confidence, binOf: binLookup(table) }),
    });
  }
  const indicators = modelIndicators(modelKey, units, { samples: options.bootstrapSamples, seed: options.seed, confidence });
  return {
    modelKey,
    metadata: options.metadata?.[modelKey] ?? {},
    overall: indicators.overall,
    domains: domains.map((d, i) => ({ ...d, indicators: indicators.domains[i] as ModelDomainAnalysis['indicators'] })),
  };
}

/** Replaces a table's item difficulties and bins with the S1 calibration of their chosen raw values. */
function recalibrate(table: GroupTable, calibration: DomainCalibration, chosen: (itemId: string) => number | undefined): void {
  table.itemIds.forEach((id, j) => {
    const raw = chosen(id);
    if (raw === undefined) {
      throw new ReliabenchError(
        'BAD_ARGUMENT',
        `S1 recalibration of ${table.domain} needs the chosen raw difficulty of item ${id}; pass chosenValues for every analysed item`,
        { input: id },
      );
    }
    const placed = calibrateChosen(calibration, raw);
    table.difficulty[j] = placed.calibrated;
    table.bin[j] = placed.bin;
  });
}

function chosenLookup(options: AnalyseOptions): (itemId: string) => number | undefined {
  const fromRatings = new Map<string, number>();
  for (const r of options.ratings ?? []) fromRatings.set(r.itemId, r.chosenValue);
  return (id) => options.chosenValues?.get(id) ?? fromRatings.get(id);
}

function binLookup(table: GroupTable): (itemId: string) => number | undefined {
  const index = new Map(table.itemIds.map((id, j) => [id, j]));
  return (id) => {
    const j = index.get(id);
    return j === undefined ? undefined : table.bin[j];
  };
}

function groupJudgements(judgements: readonly SupervisionJudgement[]): Map<string, SupervisionJudgement[]> {
  const out = new Map<string, SupervisionJudgement[]>();
  for (const j of judgements) {
    const key = `${j.modelKey}\u0000${j.domain}`;
    const list = out.get(key);
    if (list === undefined) out.set(key, [j]);
    else list.push(j);
  }
  return out;
}

function checkOptions(o: AnalyseOptions): void {
  const fail = (what: string): never => {
    throw new ReliabenchError('BAD_ARGUMENT', `analyse: ${what}`);
  };
  if (!(o.epsilon > 0 && o.epsilon < 1)) fail(`epsilon must be in (0, 1), got ${o.epsilon}`);
  if (!(o.alpha > 0 && o.alpha < 1)) fail(`alpha must be in (0, 1), got ${o.alpha}`);
  if (!Number.isInteger(o.bootstrapSamples) || o.bootstrapSamples < 0) fail(`bootstrapSamples must be a whole number ≥ 0, got ${o.bootstrapSamples}`);
  if (o.confidence !== undefined && !(o.confidence > 0 && o.confidence < 1)) fail(`confidence must be in (0, 1), got ${o.confidence}`);
}
