import type { Domain } from '../../core/domain.js';
import { ANAGRAM_DIFFICULTY_FUNCTIONS, calibrateAnagram } from './difficulty.js';
import { generateAnagrams, type AnagramGold } from './generate.js';
import { loadLexicon } from './lexicon.js';
import { ANAGRAM_TEMPLATES } from './templates.js';
import { checkAnagram } from './check.js';

export type { AnagramGold } from './generate.js';

const LOADING = 'anagram: loading word lists';

export const anagramDomain: Domain<AnagramGold> = {
  name: 'anagram',
  description: 'unscramble 3–20 letters into an English word (any dictionary word using exactly those letters counts)',
  difficultyFunctions: ANAGRAM_DIFFICULTY_FUNCTIONS,
  chosenDifficulty: 'f_let',
  calibrate: calibrateAnagram,
  templates: ANAGRAM_TEMPLATES,
  async generate(rng, options) {
    options.onProgress?.({ stage: LOADING, done: 0, total: 1 });
    const lexicon = await loadLexicon();
    options.onProgress?.({ stage: LOADING, done: 1, total: 1 });
    return generateAnagrams(rng, options.count, lexicon);
  },
  check: checkAnagram,
};
