import type { Item, ItemDraft } from '../../../core/item.js';
import { Rng } from '../../../core/rng.js';
import type { TransformsGold, TransformTypeName } from '../gold.js';
import { toDraft } from '../generate.js';
import { TRANSFORM_TYPES } from '../type-list.js';

/** A draft wrapped as an item the way the pipeline would (id and calibration are placeholders). */
export function asItem(draft: ItemDraft<TransformsGold>): Item<TransformsGold> {
  return { id: 'transforms-0000000000000000', domain: 'transforms', ...draft, difficulty: { values: draft.difficulty, chosen: 'f_wl', calibrated: 50, bin: 15 } };
}

/** `perType` items of every type, from a fixed seed. */
export function itemsByType(perType: number, seed = 'items'): Map<TransformTypeName, Item<TransformsGold>[]> {
  const out = new Map<TransformTypeName, Item<TransformsGold>[]>();
  for (const type of TRANSFORM_TYPES) {
    const rng = Rng.fromSeed(seed, type.name);
    out.set(type.name, Array.from({ length: perType }, () => asItem(toDraft(type, rng))));
  }
  return out;
}
