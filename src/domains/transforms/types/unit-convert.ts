import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, recordCount } from '../sampling.js';

/**
 * Unit conversion with the factor and the rounding rule stated: result = value × num/den + offset,
 * rounded to 0–2 decimals, halves away from zero. Computed in exact rational arithmetic (BigInt).
 * Values whose result would round to zero from below are never drawn (no "-0" question).
 */
interface Conversion {
  what: string;
  from: string;
  to: string;
  unit: string;
  rule: string;
  num: bigint;
  den: bigint;
  /** offset = offNum / offDen */
  offNum: bigint;
  offDen: bigint;
  /** value range in tenths */
  lo: number;
  hi: number;
}

const CONVERSIONS: readonly Conversion[] = [
  { what: 'distance', from: 'miles', to: 'kilometres', unit: 'mi', rule: '1 mile = 1.609344 km', num: 1609344n, den: 1000000n, offNum: 0n, offDen: 1n, lo: 1, hi: 9999 },
  { what: 'distance', from: 'kilometres', to: 'miles', unit: 'km', rule: '1 km = 0.621371 miles', num: 621371n, den: 1000000n, offNum: 0n, offDen: 1n, lo: 1, hi: 9999 },
  { what: 'mass', from: 'kilograms', to: 'pounds', unit: 'kg', rule: '1 kg = 2.20462 lb', num: 220462n, den: 100000n, offNum: 0n, offDen: 1n, lo: 1, hi: 5000 },
  { what: 'mass', from: 'pounds', to: 'kilograms', unit: 'lb', rule: '1 lb = 0.45359237 kg', num: 45359237n, den: 100000000n, offNum: 0n, offDen: 1n, lo: 1, hi: 9999 },
  { what: 'length', from: 'inches', to: 'centimetres', unit: 'in', rule: '1 inch = 2.54 cm', num: 254n, den: 100n, offNum: 0n, offDen: 1n, lo: 1, hi: 2000 },
  { what: 'volume', from: 'litres', to: 'US gallons', unit: 'L', rule: '1 litre = 0.264172 US gallons', num: 264172n, den: 1000000n, offNum: 0n, offDen: 1n, lo: 1, hi: 9999 },
  { what: 'temperature', from: 'degrees Celsius', to: 'degrees Fahrenheit', unit: '°C', rule: '°F = °C × 9/5 + 32', num: 9n, den: 5n, offNum: 32n, offDen: 1n, lo: -400, hi: 450 },
  { what: 'temperature', from: 'degrees Fahrenheit', to: 'degrees Celsius', unit: '°F', rule: '°C = (°F − 32) × 5/9', num: 5n, den: 9n, offNum: -160n, offDen: 9n, lo: -400, hi: 1150 },
];

/** p/q (q > 0) rounded to `decimals` places, halves away from zero; null when that would print "-0". */
function roundRational(p: bigint, q: bigint, decimals: number): string | null {
  const scaled = p * 10n ** BigInt(decimals);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const rounded = (2n * abs + q) / (2n * q);
  if (negative && rounded === 0n) return null;
  const text = rounded.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, text.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${text.slice(text.length - decimals)}` : ''}`;
}

/** The converted, rounded value of `tenths / 10` units. */
export function convert(c: Conversion, tenths: number, decimals: number): string | null {
  // value·num/den + offNum/offDen = (tenths·num·offDen + 10·den·offNum) / (10·den·offDen)
  const t = BigInt(tenths);
  return roundRational(t * c.num * c.offDen + 10n * c.den * c.offNum, 10n * c.den * c.offDen, decimals);
}

const writeTenths = (t: number): string => (t % 10 === 0 ? String(t / 10) : (t / 10).toFixed(1));

export const unitConvert: TransformType = {
  name: 'unit-convert',
  outputKind: 'lines',
  generate(rng: Rng) {
    const c = rng.pick(CONVERSIONS);
    const decimals = rng.int(0, 2);
    const n = recordCount(rng, 1, 40);
    const values = drawUnique(rng, n, (r) => {
      for (;;) {
        const t = r.bool(0.3) ? 10 * r.int(Math.ceil(c.lo / 10), Math.floor(c.hi / 10)) : r.int(c.lo, c.hi);
        if (convert(c, t, decimals) !== null) return t;
      }
    });
    const places = decimals === 0 ? 'a whole number' : `${decimals} decimal place${decimals === 1 ? '' : 's'}`;
    return {
      instruction:
        `convert each ${c.what} in the list from ${c.from} to ${c.to} using ${c.rule}, rounding to ${places} ` +
        `(halves away from zero), and write only the number${decimals > 0 ? ` with exactly ${decimals} decimal${decimals === 1 ? '' : 's'}` : ''}, ` +
        'no unit, one per line in the original order',
      data: values.map((t) => `${writeTenths(t)} ${c.unit}`).join('\n'),
      output: values.map((t) => convert(c, t, decimals) as string).join('\n'),
      records: values.length,
    };
  },
};
