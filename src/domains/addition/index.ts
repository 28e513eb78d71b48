import type { Domain } from '../../core/domain.js';
import { ADDITION_DIFFICULTY_FUNCTIONS, calibrateAddition } from './difficulty.js';
import { generateAdditions, type AdditionGold } from './generate.js';
import { ADDITION_TEMPLATES } from './templates.js';
import { checkAddition } from './check.js';

export type { AdditionGold } from './generate.js';

export const additionDomain: Domain<AdditionGold> = {
  name: 'addition',
  description: 'add two integers of 1–100 digits each (exact, arbitrary precision)',
  difficultyFunctions: ADDITION_DIFFICULTY_FUNCTIONS,
  chosenDifficulty: 'f_cry',
  calibrate: calibrateAddition,
  templates: ADDITION_TEMPLATES,
  generate: async (rng, options) => generateAdditions(rng, options.count),
  check: checkAddition,
};
