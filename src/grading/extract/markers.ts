/**
 * Where a response says "this is my answer": marker phrases, found the same way for every domain
 * (each domain adds its own nouns: "sum", "word", "town", "option" …). A marker gives a span of text
 * (to the end of its line, or the next line when the marker ends its line) in which the domain's
 * reader looks for the value. Tiers:
 *
 * - FINAL: "Final answer: X", "the final sum is X" (and \boxed{X}, found by the markup scan).
 * - STATED: "the answer is X", "Answer: X", "the sum of … is X", "X is the answer" (backward).
 * - STATED, strict (the value must come right after the marker and look like a value of the domain):
 *   "it's X", "that gives X", "I'd go with X", "try X", and hedges — "maybe X", "probably X",
 *   "I think it's X", "my best guess is X" — which also mark the candidate hedged.
 */
import { codeAt, isSpaceCode } from '../text-stats.js';
import { FINAL, STATED, type Tier } from './candidate.js';

export interface Span {
  start: number;
  end: number;
  tier: Tier;
  how: string;
  hedged: boolean;
  /** The value must follow the marker directly and be plausible for the domain. */
  strict: boolean;
  /** The value comes before the marker ("C is correct"): read the last value in the span. */
  backward: boolean;
}

export interface MarkerFinder {
  find(text: string): Span[];
}

const ASCII_LETTER = /[A-Za-z]/;

const HEDGE_WORDS =
  "maybe|perhaps|probably|possibly|likely|presumably|i think|i believe|i guess|i suspect|i'd guess|i would guess|i'd say|i would say|my (?:best )?guess(?: is| would be)?|could be|might be|may be|i'm guessing|i reckon|my answer (?:is|would be)";
const WEAK_WORDS =
  "it's|it is|that's|that is|this is|which is|which gives|that gives|this gives|we get|you get|gives us|giving|i get|i got|comes out to|works out to|results in|equals|makes|add up to|sum to|totals?|comes to|in total";
const CHOICE_WORDS =
  "i(?:'d| would| will|'ll)? (?:go with|pick|choose|select|suggest|recommend|answer)|you (?:could|can|might|may) (?:try|visit|go to|consider|choose)|how about|what about|consider|try|go with|answer with|both|either";

/**
 * The marker patterns for a list of nouns, in order of precedence. Every pattern but the last starts
 * at a word boundary (the boundary itself is left out of the sources, see markerFinder); `indented`
 * is the noun alone on its line after spaces or tabs, which starts at the line start instead.
 */
function markerSources(nouns: readonly string[]): { atWord: string[]; indented: string } {
  const n = `(?:${nouns.join('|')})`;
  return {
    atWord: [
      `final\\s+${n}\\b(?:\\s*(?:is|would be|will be|should be)\\b\\s*:?|\\s*[:=\\-–—]|[ \\t]*$)`,
      `${n}\\b(?:[^.\\n?!]{1,80}?|\\s+(?:of|for|to)\\s+[^.\\n?!]{1,300}?)?\\s+(?:is|are|would be|will be|should be|must be|equals|comes to|=)\\b\\s*:?|${n}\\s*[:=]`,
      `^${n}[ \\t]*$`,
      `(?:${HEDGE_WORDS})\\b(?:\\s+(?:it(?:'s| is| would be| could be| might be)|that|the answer is|the ${n} is|it's|is))?\\s*:?`,
      `(?:${WEAK_WORDS})\\b\\s*:?`,
      `(?:${CHOICE_WORDS})\\b\\s*:?`,
    ],
    indented: `^[ \\t]+${n}[ \\t]*$`,
  };
}

/**
 * The marker regex written plainly, one alternative per kind in order of precedence (final,
 * stated, hedge, weak, choice), as the grader first had it. markerFinder uses an equivalent regex
 * that is faster to run (markerSources); the tests compare the two.
 */
export function plainMarkerRegex(nouns: readonly string[]): RegExp {
  const n = `(?:${nouns.join('|')})`;
  return new RegExp(
    [
      `\\bfinal\\s+${n}\\b(?:\\s*(?:is|would be|will be|should be)\\b\\s*:?|\\s*[:=\\-–—]|[ \\t]*$)`,
      `\\b${n}\\b(?:[^.\\n?!]{1,80}?|\\s+(?:of|for|to)\\s+[^.\\n?!]{1,300}?)?\\s+(?:is|are|would be|will be|should be|must be|equals|comes to|=)\\b\\s*:?|\\b${n}\\s*[:=]|^[ \\t]*${n}[ \\t]*$`,
      `\\b(?:${HEDGE_WORDS})\\b(?:\\s+(?:it(?:'s| is| would be| could be| might be)|that|the answer is|the ${n} is|it's|is))?\\s*:?`,
      `\\b(?:${WEAK_WORDS})\\b\\s*:?`,
      `\\b(?:${CHOICE_WORDS})\\b\\s*:?`,
    ].map((r) => `(${r})`).join('|'),
    'gim',
  );
}

/** How each marker kind offers its value: by capture group of plainMarkerRegex (1–5). */
export const MARKER_KINDS = ['final-marker', 'answer-marker', 'hedge', 'sentence', 'choice'] as const;

export function markerFinder(nouns: readonly string[]): MarkerFinder {
  const n = `(?:${nouns.join('|')})`;
  const postfixRe = new RegExp(
    `\\b(?:is|are|would be|seems to be|must be|should be)\\s+(?:the\\s+)?(?:correct|right|answer|solution|best (?:answer|choice|option)|(?:correct|right) (?:answer|choice|option|one|${n})|${n})\\b`,
    'gi',
  );

  // One pass: the first alternative that matches at a position wins (final before stated, a hedge
  // before the weak "it's" it contains). All but the indented noun line start at a word boundary,
  // which is tested once for all of them: as separate alternatives, each tested the boundary again
  // at every position of the text, which made this regex the grader's most expensive.
  const { atWord, indented } = markerSources(nouns);
  const forwardRe = new RegExp(`\\b(?:${atWord.map((s) => `(${s})`).join('|')})|(${indented})`, 'gim');
  // The same without the indented noun line, for texts where it cannot match (nearly all): that
  // alternative is tried at every position of the text, not only at word boundaries, and made up a
  // quarter of the regex's time. It matches only where no other alternative can (at a space or tab
  // after a line start), so without it the other matches are the same.
  const atWordRe = new RegExp(`\\b(?:${atWord.map((s) => `(${s})`).join('|')})`, 'gim');
  const indentedAt = new RegExp(indented.slice(1), 'yim');
  const final = { tier: FINAL, how: 'final-marker', hedged: false, strict: false };
  const stated = { tier: STATED, how: 'answer-marker', hedged: false, strict: false };
  /** By capture group (1–7): final, stated, noun line, hedge, weak, choice, indented noun line. */
  const kinds: { tier: Tier; how: string; hedged: boolean; strict: boolean }[] = [
    final,
    stated,
    stated,
    { tier: STATED, how: 'hedge', hedged: true, strict: true },
    { tier: STATED, how: 'sentence', hedged: false, strict: true },
    { tier: STATED, how: 'choice', hedged: false, strict: true },
    stated,
  ];

  return {
    find(text: string): Span[] {
      const spans: Span[] = [];
      // Every marker has a word in it: a text without an ASCII letter (a bare number) has none.
      if (!ASCII_LETTER.test(text)) return spans;
      const re = hasIndentedLine(text, indentedAt) ? forwardRe : atWordRe;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let k = 1;
        while (m[k] === undefined) k++;
        const kind = kinds[k - 1] as (typeof kinds)[number];
        const span = lineAfter(text, m.index + m[0].length);
        if (span !== null) spans.push({ start: span[0], end: span[1], tier: kind.tier, how: kind.how, hedged: kind.hedged, strict: kind.strict, backward: false });
      }
      postfixRe.lastIndex = 0;
      for (let m = postfixRe.exec(text); m !== null; m = postfixRe.exec(text)) {
        const start = sentenceStart(text, m.index);
        if (m.index > start) spans.push({ start, end: m.index, tier: STATED, how: 'answer-marker', hedged: false, strict: false, backward: true });
      }
      return spans;
    },
  };
}

/**
 * Whether the indented-noun alternative (`sticky`: it without its `^`) matches at some line start.
 * Only a line that starts with a space or tab can match; a text with another line terminator than
 * "\n" (rare: "\r" is normalised away) is left to the full regex.
 */
function hasIndentedLine(text: string, sticky: RegExp): boolean {
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return true;
  let at = 0;
  while (at < text.length) {
    const c = codeAt(text, at);
    if (c === 32 || c === 9) {
      sticky.lastIndex = at;
      if (sticky.test(text)) return true;
    }
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) return false;
    at = lineEnd + 1;
  }
  return false;
}

/** From `at` to the end of its line; when that is blank, the next non-blank line. */
export function lineAfter(text: string, at: number): [number, number] | null {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (!blank(text, at, end)) return [at, end];
  let start = end + 1;
  while (start < text.length) {
    let e = text.indexOf('\n', start);
    if (e < 0) e = text.length;
    if (!blank(text, start, e)) return [start, e];
    start = e + 1;
  }
  return null;
}

/** `text.slice(from, to).trim() === ''`, without the slice. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(codeAt(text, i))) return false;
  return true;
}

/** Start of the sentence containing `at` (after the previous ". ", "! ", "? " or line break). */
export function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    const c = codeAt(text, i);
    if (c === 10) return i + 1;
    if ((c === 32 || c === 9) && isStop(codeAt(text, i - 1)) && !(i >= 2 && isDigit(codeAt(text, i - 2)))) return i + 1;
  }
  return 0;
}

/** ".", "!" or "?". */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
