import { describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import type { TransformsGold } from './gold.js';
import { transformsDomain } from './index.js';
import { itemsByType } from './test-support/items.js';
import { transformType } from './type-list.js';

const check = (item: Item<TransformsGold>, answer: string): boolean => transformsDomain.check(item, answer);
const ITEMS = itemsByType(25);

/** Changes the first letter or digit at or after the middle of `text` to another of its kind. */
function alterOneChar(text: string): string {
  const chars = [...text];
  for (let k = 0; k < chars.length; k++) {
    const i = (Math.floor(chars.length / 2) + k) % chars.length;
    const c = chars[i] as string;
    if (/[0-9]/.test(c)) chars[i] = c === '9' ? '8' : String(Number(c) + 1);
    else if (/[a-y]/i.test(c)) chars[i] = String.fromCharCode(c.charCodeAt(0) + 1);
    else if (/[zZ]/.test(c)) chars[i] = c === 'z' ? 'y' : 'Y';
    else continue;
    return chars.join('');
  }
  throw new Error(`nothing to alter in ${text}`);
}

function swapFirstDifferent<T>(list: readonly T[], same: (a: T, b: T) => boolean): T[] | null {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (!same(list[i] as T, list[j] as T)) {
        const out = list.slice();
        [out[i], out[j]] = [list[j] as T, list[i] as T];
        return out;
      }
    }
  }
  return null;
}

/** Near misses of a gold output: one record missing, two records reordered, one record altered. */
function nearMisses(item: Item<TransformsGold>): string[] {
  const { output } = item.gold;
  const kind = transformType(item.gold.type).outputKind;
  if (kind === 'json') {
    const rows = JSON.parse(output) as Record<string, unknown>[];
    const misses = [JSON.stringify(rows.slice(0, -1))];
    const swapped = swapFirstDifferent(rows, (a, b) => JSON.stringify(a) === JSON.stringify(b));
    if (swapped) misses.push(JSON.stringify(swapped));
    const last = { ...(rows[rows.length - 1] as Record<string, unknown>) };
    const key = Object.keys(last)[0] as string;
    const v = last[key];
    misses.push(JSON.stringify([...rows.slice(0, -1), { ...last, [key]: typeof v === 'number' ? v + 1 : `${String(v)}x` }]));
    misses.push(JSON.stringify([...rows.slice(0, -1), { ...last, [key]: typeof v === 'number' ? String(v) : v, extra: 1 }]));
    const numericKey = Object.keys(last).find((k) => typeof last[k] === 'number');
    if (numericKey) misses.push(JSON.stringify([...rows.slice(0, -1), { ...last, [numericKey]: String(last[numericKey]) }]));
    return misses;
  }
  const lines = output.split('\n');
  // csv: the header is line 0; drop/alter data rows, keep the header
  const first = kind === 'csv' ? 1 : 0;
  const misses = [lines.length > first + 1 ? lines.slice(0, -1).join('\n') : lines.slice(0, first).join('\n')];
  const swapped = swapFirstDifferent(lines.slice(first), (a, b) => a === b);
  if (swapped) misses.push([...lines.slice(0, first), ...swapped].join('\n'));
  misses.push([...lines.slice(0, -1), alterOneChar(lines[lines.length - 1] as string)].join('\n'));
  return misses;
}

/** Harmless presentation noise that check() must tolerate. */
function noisy(item: Item<TransformsGold>): string[] {
  const { output } = item.gold;
  const out = [
    `\`\`\`\n${output}\n\`\`\``,
    `\`\`\`text\n${output}\n\`\`\`\n`,
    output.replace(/\n/g, '\r\n'),
    output.split('\n').map((l) => `${l}   `).join('\n'),
    `\n\n  ${output}\n\n`,
  ];
  const kind = transformType(item.gold.type).outputKind;
  if (kind === 'json') {
    const rows = JSON.parse(output) as Record<string, unknown>[];
    out.push(JSON.stringify(rows, null, 2));
    out.push(`\`\`\`json\n${JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).reverse())), null, 4)}\n\`\`\``);
  } else if (kind === 'csv') {
    out.push(output.split('\n').map((l) => l.split(',').map((c) => `"${c}"`).join(', ')).join('\n'));
    out.push(output.replace(/\n/g, '\n\n'));
  } else {
    out.push(output.split('\n').map((l) => `  ${l}`).join('\n\n'));
  }
  return out;
}

describe('transforms check', () => {
  for (const [type, items] of ITEMS) {
    it(`${type}: accepts the gold and harmless noise, rejects near misses`, () => {
      for (const item of items) {
        expect(check(item, item.gold.output)).toBe(true);
        for (const answer of noisy(item)) expect(check(item, answer), JSON.stringify(answer)).toBe(true);
        for (const answer of nearMisses(item)) expect(check(item, answer), JSON.stringify(answer)).toBe(false);
        expect(check(item, '')).toBe(false);
        expect(check(item, item.input.data as string)).toBe(false);
      }
    });
  }

  it('rejects an answer wrapped in explanation (the grader extracts first) and invalid JSON', () => {
    const [item] = ITEMS.get('csv-to-json') as Item<TransformsGold>[];
    expect(check(item as Item<TransformsGold>, `Here is the JSON:\n${(item as Item<TransformsGold>).gold.output}`)).toBe(false);
    expect(check(item as Item<TransformsGold>, (item as Item<TransformsGold>).gold.output.slice(0, -1))).toBe(false);
  });

  it('is case-sensitive for line outputs', () => {
    for (const item of ITEMS.get('case-change') as Item<TransformsGold>[]) {
      const flipped = item.gold.output.replace(/[a-z]/, (c) => c.toUpperCase());
      if (flipped !== item.gold.output) expect(check(item, flipped)).toBe(false);
    }
  });
});
