import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, recordCount } from '../sampling.js';
import { MONTHS } from '../vocab.js';

/**
 * Dates written in mixed human formats → ISO 8601 (YYYY-MM-DD). Slash dates are ambiguous in
 * general, so the instruction states the convention (day/month/year or month/day/year, chosen per
 * item) and every slash date is read that way.
 */
type Style = 'long-us' | 'long-eu' | 'short-us' | 'slash';
const STYLES: readonly Style[] = ['long-us', 'long-eu', 'short-us', 'slash'];

interface Ymd { y: number; m: number; d: number }

function daysIn(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function write(date: Ymd, style: Style, dayFirst: boolean): string {
  const month = MONTHS[date.m - 1] as string;
  switch (style) {
    case 'long-us': return `${month} ${date.d}, ${date.y}`;
    case 'long-eu': return `${date.d} ${month} ${date.y}`;
    case 'short-us': return `${month.slice(0, 3)} ${date.d}, ${date.y}`;
    case 'slash': return dayFirst ? `${pad(date.d)}/${pad(date.m)}/${date.y}` : `${pad(date.m)}/${pad(date.d)}/${date.y}`;
  }
}

export const dateIso: TransformType = {
  name: 'date-iso',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 40);
    const dayFirst = rng.bool();
    const dates = drawUnique(rng, n, (r): Ymd => {
      const y = r.int(1950, 2035);
      const m = r.int(1, 12);
      return { y, m, d: r.int(1, daysIn(y, m)) };
    }, (d) => `${d.y}-${d.m}-${d.d}`);
    const data = dates.map((d) => write(d, rng.pick(STYLES), dayFirst));
    const output = dates.map((d) => `${d.y}-${pad(d.m)}-${pad(d.d)}`);
    const convention = dayFirst ? 'day/month/year' : 'month/day/year';
    return {
      instruction:
        `convert each date in the list to ISO 8601 format (YYYY-MM-DD), reading any slash-separated date as ${convention}, ` +
        'and write one date per line in the original order',
      data: data.join('\n'),
      output: output.join('\n'),
      records: dates.length,
    };
  },
};
