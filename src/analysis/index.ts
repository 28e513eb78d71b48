/** The analyses' public API: pure functions from graded trials to the Analysis contract. */
export type * from './analysis-types.js';
export { analyse, type AnalyseOptions } from './analyse.js';
export { groupTrials, type GroupTable } from './trial-table.js';
export { itemAggregates, type ItemAggregates } from './item-aggregates.js';
export { binRange, binCounts, binShares, outcomeShares, templateBinCounts, templateCurves, templateSpreads } from './bins.js';
export { IndicatorCalculator, INDICATOR_KEYS, easiestDecileMask } from './indicators.js';
export { modelIndicators } from './indicator-bootstrap.js';
export { templateSensitivity, type TemplateTest } from './sensitivity.js';
export { safeRegion, scanSafeRegion, type CumulativeBound } from './safe-region.js';
export { supervision, type SupervisionResult } from './supervision.js';
export { trends } from './trends.js';
export {
  fitIsotonic,
  evaluateIsotonic,
  fitCalibrations,
  defaultCalibration,
  calibrateValues,
  calibrateChosen,
  type IsotonicMap,
  type DomainCalibration,
} from './calibrate.js';
export {
  simulate,
  simulateTrials,
  simulatedItems,
  correctProbability,
  avoidanceRate,
  trueRates,
  trueUltracrepidarian,
  trueSafeDifficulty,
  templateId,
  type SimulatedRespondent,
} from './simulate.js';
export { wilson } from './stats/wilson.js';
export { clopperPearson, clopperPearsonUpper, clopperPearsonLower } from './stats/clopper-pearson.js';
export { pava } from './stats/pava.js';
export { spearman, averageRanks, WeightedSpearman } from './stats/spearman.js';
export { clusterBootstrap, percentileEstimate, resampleCounts, bootstrapStream } from './stats/bootstrap.js';
export { DrawStream } from './stats/draw-stream.js';
export { holmAdjust } from './stats/holm.js';
export { quantileSorted } from './stats/quantile.js';
