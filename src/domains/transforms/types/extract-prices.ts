import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { groupThousands, recordCount } from '../sampling.js';
import { COLORS, PRODUCTS } from '../vocab.js';

/**
 * Each line is a messy order line with exactly one price in US dollars ("$12.50", "$1,299",
 * "USD 8.00", "45.10 USD") among other numbers (quantities, SKUs, sizes). Output: the price as a
 * plain number with exactly two decimals, no sign or separators ("1299.00").
 */
function writtenPrice(rng: Rng, cents: number): string {
  const whole = groupThousands(String(Math.floor(cents / 100)));
  const frac = String(cents % 100).padStart(2, '0');
  const amount = cents % 100 === 0 && rng.bool(0.5) ? whole : `${whole}.${frac}`;
  switch (rng.int(0, 5)) {
    case 0: return `USD ${amount}`;
    case 1: return `${amount} USD`;
    default: return `$${amount}`;
  }
}

type Line = (rng: Rng, product: string, price: string) => string;

const LINES: readonly Line[] = [
  (r, p, price) => `${r.int(1, 12)} x ${p} (${r.pick(COLORS)}), SKU ${r.int(1000, 9999)}: ${price}`,
  (r, p, price) => `${p} size ${r.int(1, 48)} - ${price} each`,
  (r, p, price) => `${price} per box of ${r.int(2, 24)} (${p}, ${r.pick(COLORS)})`,
  (r, p, price) => `Item ${r.int(100, 999)}: ${r.pick(COLORS)} ${p}, now ${price}`,
  (r, p, price) => `${p} model ${r.int(10, 990)} costs ${price}`,
];

export const extractPrices: TransformType = {
  name: 'extract-prices',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 30);
    const prices = Array.from({ length: n }, () => {
      const scale = rng.int(0, 3);
      const cents = rng.int(1, 10 ** (scale + 3));
      return rng.bool(0.25) ? cents - (cents % 100) + 100 : cents;
    });
    const data = prices.map((c) => rng.pick(LINES)(rng, rng.pick(PRODUCTS), writtenPrice(rng, c)));
    return {
      instruction:
        'write the price from each line (the dollar amount) as a plain number with exactly two decimals, ' +
        'no currency sign, code or thousands separator, one price per line in the original order',
      data: data.join('\n'),
      output: prices.map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`).join('\n'),
      records: data.length,
    };
  },
};
