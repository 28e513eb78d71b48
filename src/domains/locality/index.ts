import type { Domain } from '../../core/domain.js';
import { checkLocality } from './check.js';
import { calibrateLocality, LOCALITY_DIFFICULTY_FUNCTIONS } from './difficulty.js';
import { loadGazetteer } from './gazetteer.js';
import { generateLocalityItems } from './generate.js';
import type { LocalityGold } from './gold.js';
import { DEFAULT_LOCALITY_SETTINGS, type LocalitySettings } from './settings.js';
import { LOCALITY_TEMPLATES } from './templates.js';
import { worldFor } from './world.js';

export type { GoldPlace, LocalityGold } from './gold.js';
export type { LocalitySettings } from './settings.js';
export { DEFAULT_LOCALITY_SETTINGS } from './settings.js';

/** A locality domain with other documented choices (floor, radii, gold-set bound, band width). */
export function createLocalityDomain(overrides: Partial<LocalitySettings> = {}): Domain<LocalityGold> {
  const settings: LocalitySettings = { ...DEFAULT_LOCALITY_SETTINGS, ...overrides };
  return {
    name: 'locality',
    description: 'Geography: name a city or town within R km of a given city (GeoNames, CC BY 4.0)',
    difficultyFunctions: LOCALITY_DIFFICULTY_FUNCTIONS,
    chosenDifficulty: 'f_pop',
    calibrate: calibrateLocality,
    templates: LOCALITY_TEMPLATES,
    async generate(rng, options) {
      const stage = 'locality: loading the GeoNames gazetteer';
      options.onProgress?.({ stage, done: 0, total: 1 });
      const world = worldFor(settings.floor);
      options.onProgress?.({ stage, done: 1, total: 1 });
      return generateLocalityItems(rng, options.count, world, settings);
    },
    check(item, answer) {
      return checkLocality(item.gold, answer, loadGazetteer);
    },
  };
}

export const localityDomain: Domain<LocalityGold> = createLocalityDomain();
