import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawPerson, recordCount } from '../sampling.js';
import { CITIES } from '../vocab.js';

/**
 * Find every 10-digit North American phone number in messy lines, whatever its written format
 * ("(415) 555-0132", "415.555.0132", "+1 415 555 0132", …), and write it as NNN-NNN-NNNN. Lines
 * also carry numbers that are not phone numbers (order numbers, rooms, references, amounts).
 */
interface Phone { area: number; exchange: number; line: number }

function drawPhone(rng: Rng): Phone {
  return { area: rng.int(200, 999), exchange: rng.int(200, 999), line: rng.int(0, 9999) };
}

const l4 = (n: number): string => String(n).padStart(4, '0');
const canonical = (p: Phone): string => `${p.area}-${p.exchange}-${l4(p.line)}`;

function written(rng: Rng, p: Phone): string {
  switch (rng.int(0, 4)) {
    case 0: return `(${p.area}) ${p.exchange}-${l4(p.line)}`;
    case 1: return `${p.area}.${p.exchange}.${l4(p.line)}`;
    case 2: return `${p.area} ${p.exchange} ${l4(p.line)}`;
    case 3: return `+1 ${p.area} ${p.exchange} ${l4(p.line)}`;
    default: return canonical(p);
  }
}

type Line = (rng: Rng, name: string, a: string, b: string) => { text: string; count: 0 | 1 | 2 };

const LINES: readonly Line[] = [
  (_r, n, a) => ({ text: `${n}: ${a}`, count: 1 }),
  (r, n, a) => ({ text: `Call ${n} at ${a} about order #${r.int(100000, 999999)}`, count: 1 }),
  (r, _n, a) => ({ text: `${r.pick(CITIES)} office ${a}, room ${r.int(100, 999)}`, count: 1 }),
  (_r, n, a, b) => ({ text: `${n} - home ${a} / mobile ${b}`, count: 2 }),
  (r, n) => ({ text: `${n} (no phone), ref ${r.int(1000, 9999)}-${r.int(1000, 9999)}`, count: 0 }),
  (r, _n, a) => ({ text: `Ticket ${r.int(10000, 99999)}: call back on ${a} after ${r.int(1, 5)} pm`, count: 1 }),
  (r, n) => ({ text: `Paid $${r.int(10, 999)}.${String(r.int(0, 99)).padStart(2, '0')} by ${n}`, count: 0 }),
  (_r, _n, a) => ({ text: a, count: 1 }),
];

export const extractPhones: TransformType = {
  name: 'extract-phones',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 25);
    const texts: string[] = [];
    const found: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = drawPerson(rng, 0);
      const [a, b] = [drawPhone(rng), drawPhone(rng)];
      let line = rng.pick(LINES)(rng, `${p.given[0]} ${p.last}`, written(rng, a), written(rng, b));
      if (i === n - 1 && found.length === 0 && line.count === 0) line = (LINES[0] as Line)(rng, `${p.given[0]} ${p.last}`, written(rng, a), '');
      texts.push(line.text);
      found.push(...[a, b].slice(0, line.count).map(canonical));
    }
    return {
      instruction:
        'find every phone number in the text (all are 10-digit North American numbers) and write each as NNN-NNN-NNNN, ' +
        'leaving out any +1 country code, in order of appearance, one number per line',
      data: texts.join('\n'),
      output: found.join('\n'),
      records: texts.length,
    };
  },
};
