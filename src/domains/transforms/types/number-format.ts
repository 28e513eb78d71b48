import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, groupThousands, recordCount, roundScaled } from '../sampling.js';

/**
 * Plain numbers ("1234567.891") → grouped and rounded ("1,234,567.89"), with the separators and the
 * number of decimals stated: comma/period (English) or period/comma (German style), 0–3 decimals,
 * halves rounded up (all numbers are positive). Rounding uses exact integer arithmetic.
 */
interface Style { thousands: string; point: string; text: string }
const STYLES: readonly Style[] = [
  { thousands: ',', point: '.', text: 'a comma as the thousands separator and a period as the decimal point' },
  { thousands: '.', point: ',', text: 'a period as the thousands separator and a comma as the decimal point' },
];

export const numberFormat: TransformType = {
  name: 'number-format',
  outputKind: 'lines',
  generate(rng: Rng) {
    const style = rng.pick(STYLES);
    const decimals = rng.int(0, 3);
    const n = recordCount(rng, 1, 40);
    // [units, scale]: the number is units / 10^scale, written with exactly `scale` decimals.
    const numbers = drawUnique(rng, n, (r): [bigint, number] => {
      const scale = r.int(0, 4);
      const digits = r.int(1, 10);
      const units = BigInt(r.int(10 ** (digits - 1), 10 ** digits - 1)) * 10n ** BigInt(scale) + BigInt(r.int(0, 10 ** scale - 1));
      return [units, scale];
    }, ([u, s]) => `${u}/${s}`);
    const written = numbers.map(([u, s]) => (s === 0 ? u.toString() : `${u / 10n ** BigInt(s)}.${(u % 10n ** BigInt(s)).toString().padStart(s, '0')}`));
    const output = numbers.map(([u, s]) => {
      const [whole, frac] = roundScaled(u, s, decimals).split('.');
      return groupThousands(whole as string, style.thousands) + (frac === undefined ? '' : style.point + frac);
    });
    const rounding = decimals === 0 ? 'rounded to a whole number' : `rounded to ${decimals} decimal place${decimals > 1 ? 's' : ''} and always showing ${decimals}`;
    return {
      instruction:
        `format each number in the list with ${style.text}, ${rounding} (halves rounded up), one number per line in the original order`,
      data: written.join('\n'),
      output: output.join('\n'),
      records: written.length,
    };
  },
};
