import type { Rng } from '../../core/rng.js';

/**
 * Picks `count` of `items` spread over their levels: every level gets an equal share (water-filling:
 * a level with fewer items than its share gives all it has and the rest is shared among the others),
 * units left over from rounding go to levels chosen by the rng, and each level's picks are a random
 * subset. The result is shuffled. Deterministic for the rng state; the input order must be fixed.
 */
export function stratifiedSample<T>(rng: Rng, items: readonly T[], levelOf: (item: T) => number, count: number): T[] {
  if (count >= items.length) return rng.shuffle(items);
  if (count <= 0) return [];
  const byLevel = new Map<number, T[]>();
  for (const item of items) {
    const level = levelOf(item);
    const list = byLevel.get(level);
    if (list) list.push(item);
    else byLevel.set(level, [item]);
  }
  const strata = [...byLevel.entries()]
    .sort(([la, a], [lb, b]) => a.length - b.length || la - lb)
    .map(([, list]) => ({ list, quota: 0 }));

  let remaining = count;
  strata.forEach((s, i) => {
    s.quota = Math.min(s.list.length, Math.floor(remaining / (strata.length - i)));
    remaining -= s.quota;
  });
  while (remaining > 0) {
    for (const s of rng.shuffle(strata.filter((x) => x.quota < x.list.length))) {
      if (remaining === 0) break;
      s.quota++;
      remaining--;
    }
  }
  const picked = strata.flatMap((s) => rng.shuffle(s.list).slice(0, s.quota));
  return rng.shuffle(picked);
}
