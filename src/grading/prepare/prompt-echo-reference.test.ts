/**
 * Echo removal skips lines that can hold no prompt copy (not in the prompt, no sentence break or
 * quote inside) before hashing or testing them. This checks it against the straightforward version
 * it replaced (kept below) on every fixture, synthetic responses, and mixtures of prompt lines,
 * prompt sentences and other text.
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_NAMES, type Item } from '../../core/item.js';
import { loadFixtures } from '../fixtures/fixture-types.js';
import { itemsOf } from '../test-support/items.js';
import { syntheticResponses } from '../test-support/synthetic-responses.js';
import { buildEchoModel, type EchoModel, removeEcho } from './prompt-echo.js';

interface Case {
  prompt: string;
  item: Item | undefined;
  completion: boolean;
  response: string;
}

/** Responses made of pieces of the prompt (lines, sentences, quoted) and other text. */
function mixtures(prompt: string): string[] {
  const lines = prompt.split('\n').filter((l) => l.trim() !== '');
  const sentences = prompt.split(/(?<=[.?!]) /);
  const other = ['The answer is 4005.', 'Sure! Here it is.', 'I think so. Maybe not.', '  indented line  '];
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(`${l}\n${other[i % other.length] as string}`);
    out.push(`${other[(i + 1) % other.length] as string} ${l}`);
    out.push(`He said "${l}" and left.`);
  });
  sentences.forEach((s, i) => out.push(`${other[i % other.length] as string} ${s} ${other[(i + 2) % other.length] as string}`));
  return out;
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const f of loadFixtures()) {
    if (f.prompt === undefined) continue;
    const completion = f.mode === 'completion';
    for (const response of [f.response, ...mixtures(f.prompt)]) out.push({ prompt: f.prompt, item: f.item, completion, response });
  }
  for (const domain of DOMAIN_NAMES) {
    for (const item of await itemsOf(domain, 3, 'echo-reference')) {
      for (const s of syntheticResponses(item, 4)) out.push({ prompt: s.prompt, item, completion: s.mode === 'completion', response: s.response });
    }
  }
  return out;
}

describe('echo removal', async () => {
  const all = await cases();

  it('removes exactly what the straightforward version removes', () => {
    expect(all.length).toBeGreaterThan(1000);
    for (const c of all) {
      const model = buildEchoModel(c.prompt, c.item, c.completion);
      expect(removeEcho(c.response, model), JSON.stringify(c.response)).toEqual(referenceRemoveEcho(c.response, model));
    }
  });
});

// The version before the line pre-checks, for reference.

const HAS_LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const QUOTED = /"((?:[^"\s]+\s+){3,}[^"\s][^"\n]*)"/g;

function atBoundary(text: string, start: number, end: number, seg: string): boolean {
  const before = start > 0 && WORD_CHAR.test(seg[0] as string) && WORD_CHAR.test(text[start - 1] as string);
  const after = end < text.length && WORD_CHAR.test(seg[seg.length - 1] as string) && WORD_CHAR.test(text[end] as string);
  return !before && !after;
}

function isCopy(piece: string, min: number, model: EchoModel): boolean {
  return piece.length >= min && piece.includes(' ') && !model.guard.has(piece) && HAS_LETTER.test(piece) && model.body.includes(piece);
}

function pieces(line: string, quotes: boolean): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line.charCodeAt(i);
    if ((c === 46 || c === 63 || c === 33) && line.charCodeAt(i + 1) === 32) {
      out.push([start, line.slice(start, i + 1)]);
      start = i + 2;
    }
  }
  if (start > 0) out.push([start, line.slice(start)]);
  if (quotes && line.includes('"')) for (const m of line.matchAll(QUOTED)) out.push([m.index + 1, m[1] as string]);
  return out.sort((a, b) => a[0] - b[0]);
}

function referenceRemoveEcho(text: string, model: EchoModel): { text: string; removed: number } {
  let t = text;
  let removed = 0;
  for (const seg of model.blocks) {
    if (seg.length > t.length) continue;
    for (let i = t.indexOf(seg); i >= 0; i = t.indexOf(seg, i + 1)) {
      if (!atBoundary(t, i, i + seg.length, seg)) continue;
      t = `${t.slice(0, i)}\n${t.slice(i + seg.length)}`;
      removed += seg.length;
    }
  }
  if (model.body.length === 0 || t.length < 8) return { text: t, removed };
  let out = '';
  let copied = 0;
  let start = 0;
  while (start <= t.length) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const raw = t.slice(start, end);
    const line = raw.trim();
    if (line.length >= 8 && !model.guard.has(line)) {
      if (isCopy(line, 8, model)) {
        out += t.slice(copied, start);
        copied = end;
        removed += line.length;
      } else {
        const lead = raw.indexOf(line);
        for (const [at, piece] of pieces(line, model.quotes)) {
          const p = piece.trim();
          const from = start + lead + at;
          if (from < copied || !isCopy(p, 12, model)) continue;
          out += t.slice(copied, from);
          copied = from + piece.length;
          removed += p.length;
        }
      }
    }
    start = end + 1;
  }
  return { text: copied === 0 ? t : out + t.slice(copied), removed };
}
