/**
 * The contract between the analyses (src/analysis) and everything that shows them (src/report,
 * src/web, `reliabench compare`). Analyses are pure functions from graded trials to these plain,
 * JSON-safe types; `metrics.json` is an `Analysis` serialised as is.
 */
import type { DomainName } from '../core/item.js';
import type { AvoidanceType, Outcome } from '../grading/grade-types.js';

/** One graded trial, as the analyses need it: no text, so millions fit in memory. */
export interface GradedTrial {
  modelKey: string;
  domain: DomainName;
  itemId: string;
  templateId: string;
  sample: number;
  /** Calibrated difficulty on the shared 0–100 axis (after any S1 recalibration). */
  difficulty: number;
  /** 0 … BIN_COUNT-1, the equal-width bin of `difficulty`. */
  bin: number;
  outcome: Outcome;
  avoidance: AvoidanceType | null;
}

/** An S2 judgement: a person saw a trial's question and answer and judged the answer. */
export interface SupervisionJudgement {
  modelKey: string;
  domain: DomainName;
  itemId: string;
  templateId: string;
  sample: number;
  difficulty: number;
  bin: number;
  /** The grader's outcome for the trial (after overrides). */
  outcome: Outcome;
  verdict: 'correct' | 'incorrect' | 'avoidant' | 'unsure';
}

/** An S1 rating: a person's judgement of how hard an item is, on 0–100. */
export interface DifficultyRating {
  domain: DomainName;
  itemId: string;
  /** The domain's chosen difficulty function's raw value for the item. */
  chosenValue: number;
  rating: number;
}

/** Metadata the user supplies per model in the config (scaling and shaping trends). */
export interface ModelMetadata {
  family?: string;
  /** Parameters, in billions. */
  sizeB?: number;
  /** Training compute, FLOPs. */
  computeFlops?: number;
  /** 'raw' base model or 'shaped' (instruction-tuned / RLHF). */
  shaping?: 'raw' | 'shaped';
}

/** A point estimate with a two-sided interval (95% unless stated). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Shares of correct / avoidant / incorrect over n trials, each with a Wilson interval. */
export interface OutcomeShares {
  n: number;
  correct: Estimate;
  avoidant: Estimate;
  incorrect: Estimate;
}

export interface BinShares extends OutcomeShares {
  bin: number;
  /** The bin's difficulty range on the 0–100 axis. */
  from: number;
  to: number;
}

export interface Indicators {
  n: number;
  correctness: Estimate;
  /** c + a = 1 − i. */
  prudence: Estimate;
  /** i / (a + i); null when a + i = 0. */
  ultracrepidarian: Estimate | null;
  /** |Spearman| between difficulty and item-level correctness; null when undefined (constant input). */
  concordance: Estimate | null;
  /** Correctness on the easiest decile of items by difficulty. */
  easiestDecileCorrectness: Estimate;
  /** 1 − mean per-item std of correctness across templates. */
  promptStability: Estimate;
  /** Share of items whose outcome depends on the template. */
  templateDependentShare: Estimate;
  /** Mean over bins of the spread (max − min) of per-template correctness. */
  templateSpread: number;
}

export interface SafeRegion {
  epsilon: number;
  alpha: number;
  /** Largest difficulty d* with the one-sided upper bound of the incorrect rate over items ≤ d* below ε; null = "none". */
  maxDifficulty: number | null;
  /** The bin that ends the region, or null. */
  bin: number | null;
  /** The upper bound at d* (or at the easiest bin when none). */
  upperBound: number;
  /**
   * The first bin edge d at which the one-sided lower bound of the rate over items ≤ d is ≥ ε: the data
   * show the region has ended there. With maxDifficulty it brackets the true d*; null = never reached.
   * Optional so older metrics files still parse; the analyses always set it.
   */
  exceedsFrom?: number | null;
}

export interface TemplateCurve {
  templateId: string;
  overall: OutcomeShares;
  bins: BinShares[];
  /** Flagged when its correctness is significantly below the other templates' (documented test). */
  flagged: boolean;
}

export interface SupervisionBin {
  bin: number;
  from: number;
  to: number;
  /** Judgements of wrong answers in this bin. */
  wrongJudged: number;
  /** Share of wrong answers that people accepted as correct. */
  acceptedAsCorrect: Estimate;
}

export interface ModelDomainAnalysis {
  modelKey: string;
  domain: DomainName;
  bins: BinShares[];
  templates: TemplateCurve[];
  indicators: Indicators;
  safeRegion: SafeRegion;
  /** The chance of a correct answer by guessing (science: 1/4), drawn as an overlay; null otherwise. */
  randomGuess: number | null;
  supervision: { bins: SupervisionBin[]; safeRegion: SafeRegion } | null;
}

export interface ModelAnalysis {
  modelKey: string;
  metadata: ModelMetadata;
  /** Over all domains of the model. */
  overall: Indicators;
  domains: ModelDomainAnalysis[];
}

/** One indicator against a metadata axis, for scaling (size/compute) or shaping (raw vs shaped). */
export interface TrendSeries {
  indicator: keyof Pick<Indicators, 'correctness' | 'prudence' | 'ultracrepidarian' | 'concordance' | 'promptStability'>;
  axis: 'sizeB' | 'computeFlops' | 'shaping';
  domain: DomainName | 'all';
  points: { modelKey: string; family: string | null; x: number | string; y: Estimate }[];
}

export interface AnalysisSettings {
  epsilon: number;
  alpha: number;
  bootstrapSamples: number;
  seed: string;
  /** Which calibration each domain used: S1 ratings (PAVA) or the documented default. */
  calibration: Partial<Record<DomainName, 'default' | 's1-pava'>>;
}

export interface Analysis {
  settings: AnalysisSettings;
  models: ModelAnalysis[];
  trends: TrendSeries[];
}

/** A wrong answer on an easy item, shown as text in the report (untrusted: escape it). */
export interface FailureExample {
  modelKey: string;
  domain: DomainName;
  itemId: string;
  templateId: string;
  difficulty: number;
  prompt: string;
  response: string;
  extracted: string | null;
  rationale: string;
}

/** Everything a report is built from: the analysis, plus the few texts and facts it shows. */
export interface ReportInput {
  title: string;
  runIds: string[];
  /** ISO time the report was made; passed in so reports are reproducible. */
  createdAt: string;
  analysis: Analysis;
  /** The easiest failures per model × domain, easiest first. */
  examples: FailureExample[];
}
