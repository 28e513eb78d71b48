import type { Domain } from '../../core/domain.js';
import type { Item } from '../../core/item.js';
import { answerMatches } from './answer-compare.js';
import { CHOSEN_DIFFICULTY, DIFFICULTY_FUNCTIONS, calibrateTransforms } from './difficulty.js';
import { generateTransformDrafts } from './generate.js';
import type { TransformsGold } from './gold.js';
import { TRANSFORMS_TEMPLATES } from './templates.js';
import { transformType } from './type-list.js';

export type { TransformsGold, TransformTypeName } from './gold.js';

/** Correct iff the answer equals the gold output after the documented normalisation (answer-compare.ts). */
export function checkTransforms(item: Item<TransformsGold>, answer: string): boolean {
  return answerMatches(transformType(item.gold.type).outputKind, item.gold.output, answer);
}

export const transformsDomain: Domain<TransformsGold> = {
  name: 'transforms',
  description: 'Text and data transformations with one correct output (dates, names, units, sorting, extraction, CSV/JSON, formatting …)',
  difficultyFunctions: DIFFICULTY_FUNCTIONS,
  chosenDifficulty: CHOSEN_DIFFICULTY,
  calibrate: calibrateTransforms,
  templates: TRANSFORMS_TEMPLATES,
  async generate(rng, options) {
    return generateTransformDrafts(rng, options);
  },
  check: checkTransforms,
};
