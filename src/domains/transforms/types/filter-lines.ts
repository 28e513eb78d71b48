import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { recordCount } from '../sampling.js';
import { CITIES, COLORS, PRODUCTS } from '../vocab.js';

/**
 * Keep only the lines that contain a given colour word as a separate word. Some other lines hold the
 * word inside a longer word ("reddish", "bluegrass") as a trap; the instruction says whole words only.
 * Every list has 2–30 lines, keeps at least one and drops at least one.
 */
const TRAP_SUFFIXES = ['ish', 'ness', 'wood', 'field'];

function line(rng: Rng, keyword: string, keep: boolean, trap: string | null): string {
  const others = COLORS.filter((c) => c !== keyword);
  const c = keep ? keyword : rng.pick(others);
  const product = rng.pick(PRODUCTS).toLowerCase();
  const city = rng.pick(CITIES);
  const extra = trap ?? rng.pick(others.filter((o) => o !== c));
  switch (rng.int(0, 3)) {
    case 0: return `${c} ${product} shipped to ${city}`;
    case 1: return `${product} (${c}/${extra}), ${city} store`;
    case 2: return `${city}: ${extra} box with one ${c} ${product}`;
    default: return `${c} ${product}, ${rng.int(1, 20)} in stock`;
  }
}

export const filterLines: TransformType = {
  name: 'filter-lines',
  outputKind: 'lines',
  generate(rng: Rng) {
    const keyword = rng.pick(COLORS);
    const n = recordCount(rng, 2, 30);
    const keep = Array.from({ length: n }, () => rng.bool(0.4));
    if (!keep.includes(true)) keep[rng.int(0, n - 1)] = true;
    if (!keep.includes(false)) keep[rng.int(0, n - 1)] = false;
    const lines = keep.map((k) => {
      const trap = !k && rng.bool(0.4) ? `${keyword}${rng.pick(TRAP_SUFFIXES)}` : null;
      return line(rng, keyword, k, trap);
    });
    return {
      instruction:
        `keep only the lines of the list that contain the word "${keyword}" as a separate word (not as part of a longer word), ` +
        'copying them unchanged and in their original order, one per line',
      data: lines.join('\n'),
      output: lines.filter((_l, i) => keep[i]).join('\n'),
      records: lines.length,
    };
  },
};
