import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawUnique, recordCount } from '../sampling.js';

/**
 * 12-hour clock times ("3:05 PM", "12:40 am") → 24-hour "HH:MM". Midnight hour is 00, noon hour 12.
 * The AM/PM marker is written in upper or lower case, with or without periods ("p.m.").
 */
const MARKERS = { am: ['AM', 'am', 'a.m.'], pm: ['PM', 'pm', 'p.m.'] } as const;

const pad = (n: number): string => String(n).padStart(2, '0');

export const time24h: TransformType = {
  name: 'time-24h',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 50);
    const minutes = drawUnique(rng, n, (r) => r.int(0, 24 * 60 - 1));
    const data = minutes.map((t) => {
      const h = Math.floor(t / 60);
      const hour12 = h % 12 === 0 ? 12 : h % 12;
      const marker = rng.pick(h < 12 ? MARKERS.am : MARKERS.pm);
      return `${hour12}:${pad(t % 60)} ${marker}`;
    });
    return {
      instruction:
        'convert each time in the list from the 12-hour clock to the 24-hour clock, written as HH:MM with two-digit hours ' +
        '(midnight is 00:00), one time per line in the original order',
      data: data.join('\n'),
      output: minutes.map((t) => `${pad(Math.floor(t / 60))}:${pad(t % 60)}`).join('\n'),
      records: minutes.length,
    };
  },
};
