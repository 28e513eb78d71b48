/**
 * The grader's fast paths (pre-checks that skip a regex, hand-written loops that replace one) must
 * never change a result. Each is checked here against the slow way it replaces, on every fixture
 * response and prompt, realistic synthetic responses, and random text with the characters that
 * matter (upper case, tabs, colons, brackets, non-ASCII, odd spaces).
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_NAMES } from '../core/item.js';
import { findPhrases, type PhraseFamily, phrasePattern } from './avoidance/phrases.js';
import { extractPlaces } from './extract/places.js';
import { ALTERNATIVE, BULLET, mayBeBullet, mayStartSeparator, openerLength, POLITE_OPENER } from './extract/read-spans.js';
import { loadFixtures } from './fixtures/fixture-types.js';
import { charFlags, LT, TRAILING_SPACE, TURN_CHARS } from './prepare/char-flags.js';
import { cutContinuation } from './prepare/completion-cut.js';
import { stripThinkBlocks } from './prepare/think-blocks.js';
import { shortAnswer } from './rationale.js';
import { itemsOf } from './test-support/items.js';
import { syntheticResponses } from './test-support/synthetic-responses.js';
import { splitCount, splitSpaces } from './text-stats.js';
import { WordScanner } from './word-scan.js';

const FAMILIES: PhraseFamily[] = ['refusal', 'decline', 'inability', 'hedge', 'clarification', 'meta', 'off-topic'];
const PIECES = [
  'I', "can't", 'help', 'Know', 'KNOW', ' ', '  ', '\t', '\n', '\n\n', ':', '[INST]', '<think>', '</think>', '<|user|>', 'User:',
  '?', '. ', '! ', '"', "'", ',', ' or ', ' and ', '/', '&', '**', '`', ')', '(', 'İ', '\u212a', 'é', '\u00a0', '\u2003', '\u3000',
  '\ufeff', 'not sure', 'Once upon a time', 'idk', 'maybe', '4005', 'Lyon', 'France', 'x', 'y',
];

/** Deterministic pseudo-random text built from the pieces above. */
function randomTexts(count: number, seed = 7): string[] {
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    let t = '';
    const n = Math.floor(next() * 12);
    for (let i = 0; i < n; i++) t += PIECES[Math.floor(next() * PIECES.length)] as string;
    return t;
  });
}

async function corpus(): Promise<string[]> {
  const texts: string[] = [];
  for (const f of loadFixtures()) texts.push(f.response, f.prompt ?? '');
  for (const domain of DOMAIN_NAMES) {
    for (const item of await itemsOf(domain, 3, 'fast-paths')) for (const s of syntheticResponses(item, 2)) texts.push(s.response, s.prompt);
  }
  return [...texts, ...randomTexts(3000)];
}

describe('fast paths give the same results as the slow way', async () => {
  const texts = await corpus();

  it('trigger words never skip a phrase the family pattern matches', () => {
    for (const text of texts) {
      for (const family of FAMILIES) {
        const slow = phrasePattern(family).exec(text);
        expect(findPhrases(text).get(family)?.text, `${family}: ${JSON.stringify(text)}`).toBe(slow === null ? undefined : slow[0].replace(/\s+/g, ' '));
      }
    }
  });

  it('the word scanner finds exactly the words a case-folded substring search finds', () => {
    const groups = [['know', "can't", 'not sure'], ['?', '[', '<html'], ['i', 'once upon']];
    const scanner = new WordScanner(groups);
    for (const text of texts) {
      // The scanner folds ASCII case only; any other character breaks a word.
      const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[^\x00-\x7f]/g, '\u0000');
      const expected = groups.reduce((mask, words, g) => (words.some((w) => folded.includes(w)) ? mask | (1 << g) : mask), 0);
      expect(scanner.scan(text), JSON.stringify(text)).toBe(expected);
    }
  });

  it('character flags only skip steps that would change nothing', () => {
    const echo = { test: (): 'none' => 'none' as const };
    for (const text of texts) {
      const flags = charFlags(text);
      if ((flags & TRAILING_SPACE) === 0) expect(text.replace(/[ \t]+$/gm, '')).toBe(text);
      if ((flags & LT) === 0) expect(stripThinkBlocks(text)).toEqual({ text, unfinished: false, removed: false, thoughtWords: false });
      if ((flags & TURN_CHARS) === 0) expect(cutContinuation(text, 'chat', undefined, echo).reason).toBeNull();
    }
  });

  it('a separator look-ahead never skips what the separator regex matches', () => {
    for (const text of texts) {
      for (let at = 0; at < Math.min(text.length, 40); at++) {
        const limit = Math.min(text.length, at + 40);
        if (ALTERNATIVE.exec(text.slice(at, limit)) !== null) expect(mayStartSeparator(text, at, limit), JSON.stringify(text.slice(at))).toBe(true);
      }
    }
  });

  it('polite openers and list bullets are read as their regexes read them', () => {
    const lines = texts.flatMap((t) => t.split('\n')).flatMap((l) => [l, `Sure! ${l}`, ` "ok, ${l}`, `- ${l}`, ` iv) ${l}`, `12. ${l}`]);
    for (const line of lines) {
      expect(openerLength(line, 0, line.length), JSON.stringify(line)).toBe((POLITE_OPENER.exec(line) as RegExpExecArray)[0].length);
      if (BULLET.test(line)) expect(mayBeBullet(line), JSON.stringify(line)).toBe(true);
    }
  });

  it('word counts and splits match a regex split on whitespace', () => {
    const spaces = [...' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', '\u200b', '\u0085', 'a'];
    for (const text of [...texts, ...spaces.flatMap((a) => spaces.map((b) => `x${a}${b}y${a}`))]) {
      expect(splitSpaces(text)).toEqual(text.split(/\s+/));
      expect(splitCount(text)).toBe(text.split(/\s+/).length);
    }
  });

  it('a country written after a place name is still read when spaces come first', async () => {
    const [item] = await itemsOf('locality', 1, 'fast-paths');
    for (const text of ['Answer: Springfield , France', 'Answer: Springfield \t(France)', 'Answer: Springfield,France']) {
      expect(extractPlaces(text, item, false)[0]?.value, text).toBe('Springfield, France');
    }
    expect(extractPlaces('Answer: Springfield France', item, false)[0]?.value).toBe('Springfield France');
  });

  it('a short, tidy answer is kept as it is; others are folded the slow way', () => {
    for (const text of texts) expect(shortAnswer(text), JSON.stringify(text)).toBe(slowShortAnswer(text));
  });
});

/** shortAnswer before its fast path (rationale.ts), kept here as the reference. */
function slowShortAnswer(answer: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < answer.length; i++) {
    const c = answer.charCodeAt(i);
    if (c === 10) {
      out = `${out.trimEnd()} ⏎ `;
      space = true;
    } else if (c === 32 || c === 9 || c === 13) {
      if (!space && out.length > 0) out += ' ';
      space = true;
    } else {
      out += answer[i] as string;
      space = false;
    }
    if (out.length > 60) return `${out.slice(0, 59).trimEnd()}…`;
  }
  return out.trim();
}
