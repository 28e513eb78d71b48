/**
 * The grader's fast paths (pre-checks that skip a regex, hand-written loops that replace one) must
 * never change a result. Each is checked here against the slow way it replaces, on every fixture
 * response and prompt, realistic synthetic responses, and random text with the characters that
 * matter (upper case, tabs, colons, brackets, non-ASCII, odd spaces).
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_NAMES } from '../core/item.js';
import { findPhrases, type PhraseFamily, phrasePattern } from './avoidance/phrases.js';
import { extractPlaces, PHRASE, plainPhrase } from './extract/places.js';
import { ALTERNATIVE, BULLET, mayBeBullet, mayStartSeparator, openerLength, POLITE_OPENER } from './extract/read-spans.js';
import { charFlags, LT, TRAILING_SPACE, TURN_CHARS } from './prepare/char-flags.js';
import { cutContinuation } from './prepare/completion-cut.js';
import { stripThinkBlocks } from './prepare/think-blocks.js';
import { oneLine, shortAnswer } from './rationale.js';
import { grade } from './grade.js';
import { fastPathCorpus } from './test-support/fast-path-corpus.js';
import { itemsOf } from './test-support/items.js';
import { anyVisible, countVisible, hasVisible, isSpaceCode, splitCount, splitSpaces } from './text-stats.js';
import { WordScanner } from './word-scan.js';
import { lineAfter, markerFinder, MARKER_KINDS, plainMarkerRegex } from './extract/markers.js';
import { plainPhrasePattern } from './avoidance/phrases.js';
import { matchesOf, shareWordBoundary, topLevelAlternatives } from './regex-scan.js';
import { normaliseText } from './prepare/normalise-text.js';
import { mayBeCode } from './prepare/program-code.js';
import { continuesPromptList } from './prepare/list-shape.js';
import { mayBePolite, POLITE } from './extract/blocks.js';
import { mayOpenQuote, SINGLE_QUOTED } from './extract/markup.js';
import { tokensFrom, WORD } from './extract/words.js';
import { answerReadings, checkLocality } from '../domains/locality/check.js';
import { loadGazetteer, type Gazetteer } from '../domains/locality/gazetteer.js';
import type { LocalityGold } from '../domains/locality/gold.js';
import { foldedKey, nameKey, usefulAltNames } from '../domains/locality/place-names.js';

const FAMILIES: PhraseFamily[] = ['refusal', 'decline', 'inability', 'hedge', 'clarification', 'meta', 'off-topic'];
const PIECES = [
  'I', "can't", 'help', 'Know', 'KNOW', ' ', '  ', '\t', '\n', '\n\n', ':', '[INST]', '<think>', '</think>', '<|user|>', 'User:',
  '?', '. ', '! ', '"', "'", ',', ' or ', ' and ', '/', '&', '**', '`', ')', '(', 'İ', '\u212a', 'é', '\u00a0', '\u2003', '\u3000',
  '\ufeff', 'not sure', 'Once upon a time', 'idk', 'maybe', '4005', 'Lyon', 'France', 'x', 'y',
];

const corpus = (): Promise<string[]> => fastPathCorpus(PIECES, 2, { count: 3000, seed: 7, maxPieces: 12 });

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

/** Marker nouns of the domains (extract/*.ts) and of avoidance-only grading. */
const NOUN_LISTS = [
  ['answer', 'sum', 'total', 'result', 'solution', 'output'],
  ['answer', 'word', 'solution', 'anagram', 'result', 'unscrambled word', 'unscrambled', 'correct word'],
  ['answer', 'town', 'city', 'place', 'suggestion', 'option', 'choice', 'recommendation', 'pick', 'village', 'municipality',
    'suburb', 'candidate', 'one', 'example', 'destination', 'neighbou?ring town', 'nearby town'],
  ['answer', 'option', 'choice', 'letter', 'correct one', 'right one', 'pick', 'selection', 'response'],
  ['answer', 'result', 'output', 'solution'],
];

/** Texts with the words the markers, phrases and quotes look for, in odd places and cases. */
function markerTexts(texts: readonly string[]): string[] {
  const extra = [
    'total\n  answer  \nfinal answer: 3', 'Answer:\n5', 'my answer is 5, total 7', ' \tsum\t\nx', 'sum \n\n  total', "It's B. B is the correct answer",
    'FINAL ANSWER - 4', 'The sum of 2 and 3 is 5', 'maybe it is Lyon, or perhaps Bron', "I'd go with option C", 'which gives 12', 'either A or D',
    "'quoted words here' and 'more'", "don't 'x'", "'", "a'b'c", 'x\n\u2028answer\u2028', 'answer\u2029 is 4',
    // Indented noun lines (the regex without that alternative runs when none can match).
    ' answer', '\tsum \n', 'x\n answer\ny', 'x\n\n\t total\t\nThe sum is 4', 'a\r  answer\r', 'a\u2029 sum', ' answer is 4', '  \n answers\n', ' x\n answer',
  ];
  return [...texts, ...extra, ...texts.slice(0, 400).map((t) => t.toUpperCase())];
}

/** The marker spans found with the plain regex (markers.ts before its alternatives shared a word boundary). */
function plainMarkerSpans(nouns: readonly string[], text: string): [number, number, string][] {
  const re = plainMarkerRegex(nouns);
  const out: [number, number, string][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let k = 1;
    while (m[k] === undefined) k++;
    const span = lineAfter(text, m.index + m[0].length);
    if (span !== null) out.push([span[0], span[1], MARKER_KINDS[k - 1] as string]);
  }
  return out;
}

/** normaliseText before its steps were skipped by character checks, kept as the reference. */
function slowNormalise(text: string): string {
  const NEEDS_WORK = /[\u2018-\u201f\u00ab\u00bb\u2032\u2033\u02bc\u00a0\u2002-\u200d\u202f\u2060\u3000\ufeff\u00ad\t\r\\<]/;
  if (!NEEDS_WORK.test(text)) return text;
  let t = text;
  const end = /<\|(?:endoftext|im_end|eot_id|end|end_of_text|eom_id)\|>|<\/s>|<end_of_turn>|<\|end▁of▁sentence\|>/.exec(t);
  if (end) t = t.slice(0, end.index);
  t = t.replace(/^\s*(?:<s>|<\|im_start\|>\s*assistant\b|<\|assistant\|>|<start_of_turn>\s*model\b)\s*/, '');
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  const words: Record<string, string> = { '\\times': '×', '\\cdot': '·', '\\left': '', '\\right': '', '\\quad': ' ', '\\qquad': ' ' };
  return t
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u00a0\u2007\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000\t]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\{,\}|\\,|\\!|\\ |\\;|\\:/g, (m) => (m === '{,}' || m === '\\,' ? ',' : m === '\\ ' ? ' ' : ''))
    .replace(/\\(?:times|cdot|left|right|quad|qquad)\b/g, (m) => words[m] ?? '');
}

/** continuesPromptList before it skipped the prompt's lines for one-line texts, kept as the reference. */
function slowListShape(text: string, prompt: string): boolean {
  const shapeOf = (line: string): string | null => (/^\(?[A-H][.)]\s/.test(line) ? 'option' : /^[A-Z][A-Za-z ]{0,30}:\s/.test(line) ? 'field' : null);
  const lines = (t: string): string[] => t.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const own = lines(text);
  if (own.length < 2) return false;
  for (const shape of ['field', 'option']) {
    const n = own.filter((l) => shapeOf(l) === shape).length;
    if (n * 5 >= own.length * 3 && lines(prompt).some((l) => shapeOf(l) === shape)) return true;
  }
  return false;
}

/** checkLocality before its per-gold name index, kept as the reference. */
function slowCheckLocality(gold: LocalityGold, answer: string, g: Gazetteer): boolean {
  const readings = answerReadings(answer);
  if (readings.length === 0) return false;
  const fits = (keys: ReadonlySet<string>, country: string): boolean =>
    readings.some((r) => keys.has(r.key) && (r.countries === undefined || r.countries.has(country)));
  for (const place of gold.places) if (fits(new Set([foldedKey(place.name), foldedKey(place.asciiName ?? place.name)]), place.country)) return true;
  for (const place of gold.places) {
    const row = g.rowById.get(place.id);
    if (fits(new Set(row === undefined ? [] : usefulAltNames(g.altNames[row] as string).map(foldedKey)), place.country)) return true;
  }
  return false;
}

describe('fast paths added for throughput give the same results as the plain way', async () => {
  const texts = markerTexts(await corpus());

  it('the marker regex with one shared word boundary finds the same markers as the plain one', () => {
    for (const nouns of NOUN_LISTS) {
      const finder = markerFinder(nouns);
      for (const text of texts) {
        const fast = finder.find(text).filter((s) => !s.backward).map((s) => [s.start, s.end, s.how]);
        expect(fast, JSON.stringify(text)).toEqual(plainMarkerSpans(nouns, text));
      }
    }
  });

  it('phrase patterns with shared word boundaries match exactly where the plain ones do', () => {
    for (const family of FAMILIES) {
      const fast = phrasePattern(family);
      const plain = plainPhrasePattern(family);
      expect(fast.source).not.toBe(plain.source);
      for (const text of texts) {
        const a = fast.exec(text);
        const b = plain.exec(text);
        expect(a === null ? null : [a.index, a[0]], `${family}: ${JSON.stringify(text)}`).toEqual(b === null ? null : [b.index, b[0]]);
      }
    }
  });

  it('shares a word boundary only among top-level alternatives', () => {
    expect(topLevelAlternatives('a|(b|c)|[|]|\\|d')).toEqual(['a', '(b|c)', '[|]', '\\|d']);
    expect(shareWordBoundary('\\bA|\\bB(?:x|y)|C|\\bD')).toBe('\\b(?:A|B(?:x|y))|C|\\bD');
    expect(shareWordBoundary('\\bA|\\bB|\\bC')).toBe('\\b(?:A|B|C)');
  });

  it('character tables read every UTF-16 code unit as the regexes do', () => {
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      expect(isSpaceCode(c), `U+${c.toString(16)}`).toBe(/\s/.test(ch));
      expect(countVisible(ch), `U+${c.toString(16)}`).toBe(/[\p{L}\p{N}]/u.test(ch) ? 1 : 0);
    }
    for (const text of [...texts, '𝐀', 'x𝐀', '\ud835', ' \ud835\udc00', '  ', '', ' é', '--1']) {
      expect(anyVisible(text), JSON.stringify(text)).toBe(/[\p{L}\p{N}]/u.test(text));
      expect(hasVisible(text)).toBe(countVisible(text) > 0);
    }
  });

  it('normalising skips only steps that would change nothing', () => {
    for (const text of texts) expect(normaliseText(text), JSON.stringify(text)).toBe(slowNormalise(text));
    for (const text of ['4{\u200b,}005', '4\\\u200b,005', '\\\\!times 3', '<\u200b/s>x', '\u2019\t<|im_end|>']) expect(normaliseText(text)).toBe(slowNormalise(text));
  });

  it('the program-code pre-check matches its regex', () => {
    const MAYBE_CODE = /[{};(]|```|~~~|\b(?:import|return|def|class|function|var|let|const)\b|#include/;
    for (const text of [...texts, 'x = f(1)', 'a;b', 'import os', 'importance', '#include <x>', '~~~']) expect(mayBeCode(text), JSON.stringify(text)).toBe(MAYBE_CODE.test(text));
  });

  it('list shapes are read as before for one-line and many-line texts', () => {
    const prompts = ['Anchor city: Lyon (France)\nSearch radius: 10 km\n\nAnswer:', 'Q?\nA. x\nB. y', 'Add 2 and 3.'];
    for (const prompt of prompts) {
      for (const text of [...texts.slice(0, 600), 'Country: France\nRegion: Rhône', 'E. none\nF. all', 'E. none']) {
        expect(continuesPromptList(text, prompt), JSON.stringify(text)).toBe(slowListShape(text, prompt));
      }
    }
  });

  it('a line skips the polite-opener regex only where it cannot match', () => {
    const lines = texts.flatMap((t) => t.split('\n')).map((l) => l.trim());
    for (const line of [...lines, 'I', 'i.', "I'll", 'if you', 'In this', 'It is', 'i2', 'Step 2', 'sure', 'Ok']) {
      if (POLITE.test(line)) expect(mayBePolite(line), JSON.stringify(line)).toBe(true);
    }
  });

  it('single quotes skip their regex only when no quote can open', () => {
    for (const text of texts) {
      SINGLE_QUOTED.lastIndex = 0;
      if (SINGLE_QUOTED.test(text)) expect(mayOpenQuote(text), JSON.stringify(text)).toBe(true);
      SINGLE_QUOTED.lastIndex = 0;
    }
  });

  it('words read from any position are the words a scan from there finds', () => {
    for (const text of texts.slice(0, 800)) {
      for (let from = 0; from <= text.length; from += 3) {
        const { tokens, k } = tokensFrom(text, from);
        const expected: [string, number][] = [];
        WORD.lastIndex = from;
        for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) expected.push([m[0], m.index]);
        WORD.lastIndex = 0;
        expect(tokens.slice(k).map((t) => [t.raw, t.start]), `${from}: ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
  });

  it('the place-phrase regex with its start look-ahead matches where the plain one does', () => {
    const plain = plainPhrase();
    const odd = [
      "'s-Hertogenbosch", "L'Aquila and d'Ampezzo", 'Ústí nad Labem', 'São Paulo, Brazil', "x'Bron -Lyon ’Lyon 'Lyon", 'St. Louis or Mt. Fuji',
      'ÉVRY, évry', '\u{1d400}bc \u{1d400}', 'ñandú Ñandú', 'Bad Homburg vor der Höhe', 'A. B. Cee', 'ẞ ß', '\ud835 Lyon \udc00Lyon', 'McAllen',
    ];
    const scan = (re: RegExp, text: string): [number, string][] => matchesOf(re, text).map((m) => [m.index, m[0]]);
    for (const text of [...texts, ...odd, ...odd.map((t) => ` ${t}.`)]) expect(scan(PHRASE, text), JSON.stringify(text)).toEqual(scan(plain, text));
  });

  it('the word loop for ASCII texts finds the words the word regex finds', () => {
    const odd = [
      's-i-l-e-n-t', 'S I L E N T', 'a b c', 'a b', 'a b cd', 'ab c d', 'a-b-c-d e', 'a b c-', 'a b c-d', "x a b c'd", "don't-stop 'quoted' -dash-",
      'a  b c', 'a\tb c d', 'é a b c', 'a b c é', 'naïve word', 'rock’n’roll', 'x1y2 z_3', 'a-b c-d e-f', 'A B C D E F G', '--a--', "''a''",
    ];
    for (const text of [...texts, ...odd, ...odd.map((t) => `${t}. Then ${t.toUpperCase()}!`)]) {
      const expected: [string, number][] = [];
      WORD.lastIndex = 0;
      for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) expected.push([m[0], m.index]);
      WORD.lastIndex = 0;
      const { tokens, k } = tokensFrom(text, 0);
      expect(tokens.slice(k).map((t) => [t.raw, t.start]), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('a rationale is folded onto one line whenever a quoted reason has a break (grade checks only the reason and the answer)', async () => {
    const odd = [
      'Hmm\u2028what do you mean by this?', 'Is\u2028this about the\u2028sum?', "I can't\u2028help with that.", 'Could you\u2028clarify?',
      'Answer: 12\u2028\nFinal answer: 13', 'The answer is 4005.\u2028 Final answer: 4015', 'Once upon a\u2028time', 'x\u2028y z?', 'I\u2028 don\'t know',
    ];
    for (const domain of DOMAIN_NAMES) {
      const [item] = await itemsOf(domain, 1, 'fast-paths');
      for (const response of [...odd, ...texts.slice(0, 300)]) {
        for (const mode of ['chat', 'completion'] as const) {
          const { rationale } = grade({ item: item as NonNullable<typeof item>, response, mode });
          expect(rationale, JSON.stringify(response)).toBe(oneLine(rationale));
        }
      }
    }
  });

  it('place-name keys of ASCII names are made as the general way makes them', () => {
    const g = loadGazetteer();
    const names: string[] = ['St. Louis', 'constructor', 'Mt Fuji', 'ft.worth', 'x__proto__y', 'Saint-Étienne', '', ' - '];
    for (let i = 0; i < g.size; i += 7) names.push(g.names[i] as string, g.asciiNames[i] as string, ...(g.altNames[i] as string).split(',').slice(0, 5));
    for (const name of names) expect(nameKey(name), JSON.stringify(name)).toBe(foldedKey(name));
  });

  it('the locality check with its name index answers as the place-by-place check', async () => {
    const g = loadGazetteer();
    for (const item of await itemsOf('locality', 12, 'fast-paths')) {
      const gold = item.gold as LocalityGold;
      const answers = ['Springfield', 'Lyon, France', 'The Hague', ''];
      for (const p of gold.places.slice(0, 4)) {
        answers.push(p.name, `${p.name}, ${p.country}`, `${p.name} (Germany)`, p.name.toUpperCase());
        const row = g.rowById.get(p.id);
        if (row !== undefined) answers.push(...(g.altNames[row] as string).split(',').slice(0, 4));
      }
      for (const a of answers) expect(checkLocality(gold, a, () => g), a).toBe(slowCheckLocality(gold, a, g));
    }
  });
});
