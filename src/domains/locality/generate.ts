import type { ItemDraft } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { ReliabenchError } from '../../core/errors.js';
import { AnchorSampler, anchorStrata, type AnchorStrata } from './anchor-sampler.js';
import { countryName } from './country-names.js';
import { localityDifficulty } from './difficulty.js';
import { anchorOf, goldPlaces, type LocalityGold } from './gold.js';
import type { Neighbour } from './geo-index.js';
import type { LocalitySettings } from './settings.js';
import type { LocalityWorld } from './world.js';

/** "1000" → "1,000", independent of the machine's locale. */
export function formatThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** For each radius (ascending) whose gold set has 1 … maxGoldPlaces places: the index neighbours. */
function usableRadii(world: LocalityWorld, row: number, settings: LocalitySettings): Map<number, Neighbour[]> {
  const out = new Map<number, Neighbour[]>();
  const g = world.gazetteer;
  for (const r of [...settings.radiiKm].sort((a, b) => a - b)) {
    const found = world.towns.within(g.lat[row] as number, g.lon[row] as number, r);
    const count = found.length - (found.some((n) => n.row === row) ? 1 : 0);
    if (count > settings.maxGoldPlaces) break; // larger radii only hold more
    if (count >= 1) out.set(r, found);
  }
  return out;
}

const strataCache = new WeakMap<LocalityWorld, Map<number, AnchorStrata>>();

function strataFor(world: LocalityWorld, bandWidth: number): AnchorStrata {
  let byWidth = strataCache.get(world);
  if (byWidth === undefined) strataCache.set(world, (byWidth = new Map()));
  let strata = byWidth.get(bandWidth);
  if (strata === undefined) {
    strata = anchorStrata(world.anchors, world.gazetteer.population, world.gazetteer.countries, bandWidth);
    byWidth.set(bandWidth, strata);
  }
  return strata;
}

/**
 * `count` distinct items (distinct anchor and radius), deterministic for the rng state: anchors come
 * from the stratified sampler, and each gets a radius drawn uniformly from its usable radii.
 */
export function generateLocalityItems(rng: Rng, count: number, world: LocalityWorld, settings: LocalitySettings): ItemDraft<LocalityGold>[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `count must be a whole number ≥ 0, got ${count}`, { input: String(count) });
  }
  const g = world.gazetteer;
  const sampler = new AnchorSampler(strataFor(world, settings.bandWidth), g.size);
  const remaining = new Map<number, Map<number, Neighbour[]>>();
  const items: ItemDraft<LocalityGold>[] = [];
  while (items.length < count) {
    const row = sampler.draw(rng);
    if (row === undefined) {
      throw new ReliabenchError(
        'BAD_ARGUMENT',
        `the locality domain can make only ${items.length} distinct items with these settings; ask for fewer`,
        { input: String(count) },
      );
    }
    let radii = remaining.get(row);
    if (radii === undefined) remaining.set(row, (radii = usableRadii(world, row, settings)));
    const country = g.countries[row] as string;
    if (radii.size === 0) {
      sampler.used(row, country, true);
      continue;
    }
    const radiusKm = rng.pick([...radii.keys()]);
    items.push(localityDraft(world, row, radiusKm, settings, radii.get(radiusKm)));
    radii.delete(radiusKm);
    sampler.used(row, country, radii.size === 0);
  }
  return items;
}

/**
 * The item for one anchor row and radius. `neighbours` is the index query for that radius when the
 * caller already has it. Throws when the gold set would be empty (such an item has no answer).
 */
export function localityDraft(
  world: LocalityWorld,
  row: number,
  radiusKm: number,
  settings: LocalitySettings,
  neighbours?: readonly Neighbour[],
): ItemDraft<LocalityGold> {
  const g = world.gazetteer;
  const found = neighbours ?? world.towns.within(g.lat[row] as number, g.lon[row] as number, radiusKm);
  const places = goldPlaces(g, found, row);
  const anchor = anchorOf(g, row);
  if (places.length === 0) {
    throw new ReliabenchError('INTERNAL', `no town of ${settings.floor}+ people lies within ${radiusKm} km of ${anchor.name} (${anchor.id})`);
  }
  let topAnswerPopulation = 0;
  for (const p of places) topAnswerPopulation = Math.max(topAnswerPopulation, p.population);
  return {
    input: {
      city: anchor.name,
      country: countryName(anchor.country),
      radius: String(radiusKm),
      floor: formatThousands(settings.floor),
    },
    gold: { anchor, radiusKm, floor: settings.floor, places },
    difficulty: localityDifficulty({
      anchorPopulation: anchor.population,
      anchorRank: world.rankOf(anchor.population),
      radiusKm,
      goldCount: places.length,
      topAnswerPopulation,
    }),
    source: { geonameId: anchor.id, anchorPopulation: anchor.population, countryCode: anchor.country },
  };
}
