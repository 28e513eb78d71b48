import type { Domain, GenerateOptions } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import type { Item, ItemDraft } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { checkScienceAnswer, type ScienceGold } from './check.js';
import { calibrateScience, SCIENCE_DIFFICULTY_FUNCTIONS } from './difficulty-scale.js';
import { resolveScienceData } from './data-path.js';
import { loadScienceBankCached } from './bank-cache.js';
import { stratifiedSample } from './stratified-sample.js';
import { toDraft } from './item-draft.js';
import { scienceTemplates } from './templates.js';

export type { ScienceGold } from './check.js';

/**
 * Four-option multiple-choice science questions from ARC (grades 3–9) and MMLU science subjects,
 * read from a folder or downloaded on first use (docs/domains/science.md).
 */
async function generate(rng: Rng, options: GenerateOptions): Promise<ItemDraft<ScienceGold>[]> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `science: count must be a whole number ≥ 0, got ${count}`, { input: String(count) });
  }
  const files = await resolveScienceData({ scienceDataPath: options.scienceDataPath, onProgress: options.onProgress });
  const { questions } = await loadScienceBankCached(files, options.onProgress);
  const picked = stratifiedSample(rng, questions, (q) => q.difficulty['f_hum'] as number, count);
  return picked.map(toDraft);
}

export const scienceDomain: Domain<ScienceGold> = {
  name: 'science',
  description: 'Four-option science questions from ARC (grades 3–9) and MMLU (high school to college)',
  difficultyFunctions: SCIENCE_DIFFICULTY_FUNCTIONS,
  chosenDifficulty: 'f_hum',
  calibrate: calibrateScience,
  readsExternalData: true,
  templates: scienceTemplates,
  generate,
  check: (item: Item<ScienceGold>, answer: string) => checkScienceAnswer(item.gold, answer),
};
