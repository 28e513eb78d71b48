import type { Domain } from '../core/domain.js';
import { binOf, type Item, type ItemDraft } from '../core/item.js';
import { canonicalJson, sha256Hex } from '../core/hash.js';

/** Item ids are a hash of what the item *is* (domain, input, gold), so equal content ⇒ equal id. */
export function itemId(domain: string, input: Record<string, string>, gold: unknown): string {
  return `${domain}-${sha256Hex(canonicalJson({ domain, input, gold })).slice(0, 16)}`;
}

/** Rounds away float noise so the stored value is the same on every platform and in every format. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
}

/** Adds the id, flags the chosen difficulty and places the item on the calibrated 0–100 axis. */
export function finalizeItem<G>(domain: Domain<G>, draft: ItemDraft<G>): Item<G> {
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(draft.difficulty)) values[name] = round6(value);
  if (!(domain.chosenDifficulty in values)) {
    throw new Error(`${domain.name}: draft lacks its chosen difficulty ${domain.chosenDifficulty}`);
  }
  const calibrated = round6(Math.min(100, Math.max(0, domain.calibrate(values))));
  return {
    id: itemId(domain.name, draft.input, draft.gold),
    domain: domain.name,
    input: draft.input,
    gold: draft.gold,
    difficulty: { values, chosen: domain.chosenDifficulty, calibrated, bin: binOf(calibrated) },
    source: draft.source,
  };
}
