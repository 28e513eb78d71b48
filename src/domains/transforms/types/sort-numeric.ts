import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, recordCount } from '../sampling.js';

/**
 * Sort numbers by value, ascending or descending (stated), keeping each number as written.
 * Numbers are distinct in value and written canonically (no trailing zeros, no "+"), so the order
 * and the written form are both unique. Plain string order differs from numeric order for these.
 */
function drawNumber(rng: Rng, withNegatives: boolean, withDecimals: boolean): string {
  const magnitude = rng.int(0, 4);
  let units = rng.int(0, 10 ** (magnitude + 1));
  if (withDecimals && rng.bool(0.5)) units = units * 100 + rng.int(1, 99);
  else units *= 100;
  const negative = withNegatives && rng.bool(0.4) && units !== 0;
  const whole = Math.floor(units / 100);
  const cents = units % 100;
  const frac = cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : `.${String(cents).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

export const sortNumeric: TransformType = {
  name: 'sort-numeric',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 2, 60);
    const descending = rng.bool(0.3);
    const negatives = rng.bool(0.4);
    const decimals = rng.bool(0.5);
    const list = drawUnique(rng, n, (r) => drawNumber(r, negatives, decimals));
    const sorted = list.slice().sort((a, b) => (descending ? -1 : 1) * (Number(a) - Number(b)));
    return {
      instruction:
        `sort the numbers in the list by numeric value from ${descending ? 'largest to smallest' : 'smallest to largest'}, ` +
        'writing each number exactly as it appears, one number per line',
      data: list.join('\n'),
      output: sorted.join('\n'),
      records: list.length,
    };
  },
};
