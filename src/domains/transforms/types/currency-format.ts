import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, groupThousands, recordCount } from '../sampling.js';

/**
 * Plain amounts ("-1234.5") → currency strings ("-$1,234.50"): the currency sign first, comma
 * thousands separators, exactly two decimals, a minus sign before the currency sign for negatives.
 * Amounts have at most two decimals, so no rounding is involved.
 */
const CURRENCIES = [
  { name: 'US dollars', sign: '$' },
  { name: 'euros', sign: '€' },
  { name: 'British pounds', sign: '£' },
] as const;

export const currencyFormat: TransformType = {
  name: 'currency-format',
  outputKind: 'lines',
  generate(rng: Rng) {
    const currency = rng.pick(CURRENCIES);
    const negatives = rng.bool(0.5);
    const n = recordCount(rng, 1, 40);
    const cents = drawUnique(rng, n, (r) => {
      const c = r.int(1, 10 ** r.int(3, 10));
      const rounded = r.bool(0.3) ? c - (c % 100) + 100 : c;
      return negatives && r.bool(0.4) ? -rounded : rounded;
    });
    const written = cents.map((c) => {
      const a = Math.abs(c);
      const frac = a % 100 === 0 ? '' : a % 10 === 0 ? `.${(a % 100) / 10}` : `.${String(a % 100).padStart(2, '0')}`;
      return `${c < 0 ? '-' : ''}${Math.floor(a / 100)}${frac}`;
    });
    const output = cents.map((c) => {
      const a = Math.abs(c);
      return `${c < 0 ? '-' : ''}${currency.sign}${groupThousands(String(Math.floor(a / 100)))}.${String(a % 100).padStart(2, '0')}`;
    });
    return {
      instruction:
        `format each amount in the list as ${currency.name}: the sign ${currency.sign} before the number, commas as thousands ` +
        `separators and exactly two decimals, with a minus sign in front of the ${currency.sign} for negative amounts ` +
        `(so -1234.5 becomes -${currency.sign}1,234.50), one amount per line in the original order`,
      data: written.join('\n'),
      output: output.join('\n'),
      records: written.length,
    };
  },
};
