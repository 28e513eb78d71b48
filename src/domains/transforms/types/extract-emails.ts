import type { Rng } from '../../../core/rng.js';
import type { TransformType } from '../gold.js';
import { drawPerson, recordCount } from '../sampling.js';
import { CITIES, EMAIL_DOMAINS } from '../vocab.js';

/**
 * Pull every email address out of messy contact lines (0–2 per line; some lines have none), in
 * order of appearance, exactly as written. Addresses are lower case and distinct within an item.
 */
function drawEmail(rng: Rng): string {
  const p = drawPerson(rng, 0);
  const first = (p.given[0] as string).toLowerCase();
  const last = p.last.toLowerCase();
  const local = rng.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}_${last}`, `${first}-${last}`, `${last}.${first}`, first]);
  const suffix = rng.bool(0.25) ? String(rng.int(1, 99)) : '';
  return `${local}${suffix}@${rng.pick(EMAIL_DOMAINS)}`;
}

type Line = (name: string, city: string, a: string, b: string) => { text: string; emails: string[] };

const LINES: readonly Line[] = [
  (_n, _c, a) => ({ text: `Contact: ${a}`, emails: [a] }),
  (n, _c, a) => ({ text: `${n} <${a}>`, emails: [a] }),
  (n, c, a) => ({ text: `${n} (${a}), ${c} office`, emails: [a] }),
  (_n, _c, a, b) => ({ text: `cc ${a}; ${b}`, emails: [a, b] }),
  (_n, _c, a) => ({ text: `Send the draft to ${a}.`, emails: [a] }),
  (n, c) => ({ text: `${n}, ${c} - no email on file`, emails: [] }),
  (n, _c, a, b) => ({ text: `${n}: work ${a}, personal ${b}`, emails: [a, b] }),
  (_n, c, a) => ({ text: `${c} team lead: ${a} (replies within 2 days)`, emails: [a] }),
  (n) => ({ text: `Call ${n} at the front desk`, emails: [] }),
  (_n, _c, a) => ({ text: `${a}`, emails: [a] }),
];

export const extractEmails: TransformType = {
  name: 'extract-emails',
  outputKind: 'lines',
  generate(rng: Rng) {
    const n = recordCount(rng, 1, 20);
    const seen = new Set<string>();
    const fresh = (): string => {
      for (;;) {
        const e = drawEmail(rng);
        if (!seen.has(e)) return e;
      }
    };
    const texts: string[] = [];
    const found: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = drawPerson(rng, 0);
      const line = rng.pick(LINES)(`${p.given[0]} ${p.last}`, rng.pick(CITIES), fresh(), fresh());
      // The last line must hold an address if none has appeared yet, so the output is never empty.
      const { text, emails } = i === n - 1 && found.length === 0 && line.emails.length === 0 ? (LINES[0] as Line)('', '', fresh(), '') : line;
      for (const e of emails) seen.add(e);
      texts.push(text);
      found.push(...emails);
    }
    return {
      instruction:
        'extract every email address from the text, in order of appearance, written exactly as in the text, one address per line',
      data: texts.join('\n'),
      output: found.join('\n'),
      records: texts.length,
    };
  },
};
