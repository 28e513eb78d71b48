/**
 * The stored run → Analysis step shared by `report` and `compare`: effective grades (overrides
 * applied) and item difficulties from the store, model metadata from the run's config, and — when a
 * study has collected them — S2 judgements and S1 ratings, all fed to the pure analyses.
 */
import type { Analysis, GradedTrial } from '../analysis/analysis-types.js';
import { analyse } from '../analysis/analyse.js';
import { ReliabenchError } from '../core/errors.js';
import { chosenDifficultyValues, countGraded, iterateGradedTrials, runModelMetadata } from '../store/sqlite/graded-trials.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { loadDifficultyRatings, loadSupervisionJudgements } from '../store/sqlite/study-results.js';
import { parseNumberInRange } from './parse-run-options.js';
import { parsePositiveInt } from './parse-options.js';

export type AnalysisFlags = {
  epsilon?: string;
  alpha?: string;
  bootstrap?: string;
  seed?: string;
};

export interface AnalysisSettingsInput {
  epsilon: number;
  alpha: number;
  bootstrapSamples: number;
  seed: string;
}

export function analysisSettings(flags: AnalysisFlags): AnalysisSettingsInput {
  return {
    epsilon: flags.epsilon ? parseNumberInRange(flags.epsilon, '--epsilon', 0.0001, 0.9999) : 0.05,
    alpha: flags.alpha ? parseNumberInRange(flags.alpha, '--alpha', 0.0001, 0.5) : 0.05,
    bootstrapSamples: flags.bootstrap === '0' ? 0 : flags.bootstrap ? parsePositiveInt(flags.bootstrap, '--bootstrap') : 500,
    seed: flags.seed ?? 'reliabench',
  };
}

/** The run id asked for, or the newest run; a clear error when there is none. */
export function analyseRun(db: Db, runId: string, settings: AnalysisSettingsInput, onlyModels?: ReadonlySet<string>): Analysis {
  if (countGraded(db, runId) === 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `run ${runId} has no graded answers yet: finish it (reliabench run --resume ${runId}) or grade it (reliabench grade --run ${runId})`);
  }
  const trials: Iterable<GradedTrial> = onlyModels ? filterModels(iterateGradedTrials(db, runId), onlyModels) : iterateGradedTrials(db, runId);
  // Study results (reliabench serve): S2 judgements of this run's answers, S1 ratings of its items' domains.
  const judgements = loadSupervisionJudgements(db, runId).filter((j) => !onlyModels || onlyModels.has(j.modelKey));
  const ratings = loadDifficultyRatings(db);
  return analyse(trials, {
    ...settings, metadata: runModelMetadata(db, runId), chosenValues: chosenDifficultyValues(db, runId),
    ...(judgements.length > 0 ? { judgements } : {}), ...(ratings.length > 0 ? { ratings } : {}),
  });
}

function* filterModels(trials: Iterable<GradedTrial>, keep: ReadonlySet<string>): Generator<GradedTrial> {
  for (const t of trials) if (keep.has(t.modelKey)) yield t;
}
