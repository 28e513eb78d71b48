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
import { codeAt } from '../text-stats.js';
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

const HEDGE_WORDS =
  "maybe|perhaps|probably|possibly|likely|presumably|i think|i believe|i guess|i suspect|i'd guess|i would guess|i'd say|i would say|my (?:best )?guess(?: is| would be)?|could be|might be|may be|i'm guessing|i reckon|my answer (?:is|would be)";
const WEAK_WORDS =
  "it's|it is|that's|that is|this is|which is|which gives|that gives|this gives|we get|you get|gives us|giving|i get|i got|comes out to|works out to|results in|equals|makes|add up to|sum to|totals?|comes to|in total";
const CHOICE_WORDS =
  "i(?:'d| would| will|'ll)? (?:go with|pick|choose|select|suggest|recommend|answer)|you (?:could|can|might|may) (?:try|visit|go to|consider|choose)|how about|what about|consider|try|go with|answer with|both|either";

export function markerFinder(nouns: readonly string[]): MarkerFinder {
  const n = `(?:${nouns.join('|')})`;
  const finalRe = new RegExp(`\\bfinal\\s+${n}\\b(?:\\s*(?:is|would be|will be|should be)\\b\\s*:?|\\s*[:=\\-–—]|[ \\t]*$)`, 'gim');
  const statedRe = new RegExp(
    `\\b${n}\\b(?:[^.\\n?!]{1,80}?|\\s+(?:of|for|to)\\s+[^.\\n?!]{1,300}?)?\\s+(?:is|are|would be|will be|should be|must be|equals|comes to|=)\\b\\s*:?|\\b${n}\\s*[:=]|^[ \\t]*${n}[ \\t]*$`,
    'gim',
  );
  const hedgeRe = new RegExp(
    `\\b(?:${HEDGE_WORDS})\\b(?:\\s+(?:it(?:'s| is| would be| could be| might be)|that|the answer is|the ${n} is|it's|is))?\\s*:?`,
    'gi',
  );
  const weakRe = new RegExp(`\\b(?:${WEAK_WORDS})\\b\\s*:?`, 'gi');
  const choiceRe = new RegExp(`\\b(?:${CHOICE_WORDS})\\b\\s*:?`, 'gi');
  const postfixRe = new RegExp(
    `\\b(?:is|are|would be|seems to be|must be|should be)\\s+(?:the\\s+)?(?:correct|right|answer|solution|best (?:answer|choice|option)|(?:correct|right) (?:answer|choice|option|one|${n})|${n})\\b`,
    'gi',
  );

  // One pass: the first alternative that matches at a position wins (final before stated, a hedge
  // before the weak "it's" it contains).
  const forwardRe = new RegExp(
    [finalRe, statedRe, hedgeRe, weakRe, choiceRe].map((r) => `(${r.source})`).join('|'),
    'gim',
  );
  const kinds: { tier: Tier; how: string; hedged: boolean; strict: boolean }[] = [
    { tier: FINAL, how: 'final-marker', hedged: false, strict: false },
    { tier: STATED, how: 'answer-marker', hedged: false, strict: false },
    { tier: STATED, how: 'hedge', hedged: true, strict: true },
    { tier: STATED, how: 'sentence', hedged: false, strict: true },
    { tier: STATED, how: 'choice', hedged: false, strict: true },
  ];

  return {
    find(text: string): Span[] {
      const spans: Span[] = [];
      forwardRe.lastIndex = 0;
      for (let m = forwardRe.exec(text); m !== null; m = forwardRe.exec(text)) {
        if (m[0].length === 0) {
          forwardRe.lastIndex++;
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

/** From `at` to the end of its line; when that is blank, the next non-blank line. */
export function lineAfter(text: string, at: number): [number, number] | null {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (text.slice(at, end).trim().length > 0) return [at, end];
  let start = end + 1;
  while (start < text.length) {
    let e = text.indexOf('\n', start);
    if (e < 0) e = text.length;
    if (text.slice(start, e).trim().length > 0) return [start, e];
    start = e + 1;
  }
  return null;
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
