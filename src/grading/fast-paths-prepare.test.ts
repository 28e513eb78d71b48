/**
 * More fast paths (pre-checks and loops that replace a regex) checked against the plain form they
 * replace, on fixture and synthetic responses and random text with the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import { singleSpaced } from './avoidance/phrases.js';
import { isOptionLabel, OPTION_LABEL, wordEnd, wordStart } from './extract/options.js';
import { isNewQuestion, NEW_QUESTION, paragraphBreak } from './prepare/completion-cut.js';
import { fastPathCorpus } from './test-support/fast-path-corpus.js';

const PIECES = [
  '\n', '\n\n', '\n \n', '\n\t\n', ' \t', '\r\n', '\u2028', '\u00a0', '\u3000', '\ufeff', '\v', '\f', ' ', '  ', '\t',
  'Question:', 'q1.', 'Q:', '## Next', '#', 'Problem 2)', 'example:', 'Human:', 'user :', 'ASSISTANT:', 'Input:', 'task:',
  '[INST]', '<|user|>', '<user', 'ſ', 'K', 'ı', 'İ', 'Ω', 'é', '(A) ', 'B. ', ' C) ', '\tD: ', 'H.', 'I. ', '(', '"', "'",
  'A', 'b', '4005', 'Lyon', 'the answer', 'Σ', 'ς', ',',
];

const corpus = (): Promise<string[]> => fastPathCorpus(PIECES, 4, { count: 4000, seed: 11, maxPieces: 14 });

/** Every line of a text, and every line without its leading spaces, as the stop rule reads heads. */
function linesOf(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const l of t.split('\n')) out.push(l, l.trim(), l.trimStart());
  return out;
}

describe('preparation and extraction fast paths give the same results as the plain way', async () => {
  const texts = await corpus();

  it('paragraph breaks are found where the regex finds them', () => {
    for (const text of texts) {
      const re = /\n[ \t]*\n/g;
      const slow: number[][] = [];
      for (let m = re.exec(text); m !== null; m = re.exec(text)) slow.push([m.index, m.index + m[0].length]);
      const fast: number[][] = [];
      for (let at = paragraphBreak(text, 0); at.length > 0; at = paragraphBreak(text, at[1] as number)) fast.push(at);
      expect(fast, JSON.stringify(text)).toEqual(slow);
    }
  });

  it('a line skips the new-question regex only where it cannot match', () => {
    for (const line of linesOf(texts)) expect(isNewQuestion(line), JSON.stringify(line)).toBe(NEW_QUESTION.test(line));
  });

  it('a matched phrase keeps its text only when folding its spaces changes nothing', () => {
    for (const text of texts) expect(singleSpaced(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
  });

  it('the word loop of the option reader finds the words the word regex finds, from any position', () => {
    for (const text of texts) {
      for (let from = 0; from <= text.length; from += Math.max(3, Math.floor(text.length / 16))) {
        const re = /[^\s]+/g;
        re.lastIndex = from;
        const slow: number[][] = [];
        for (let m = re.exec(text); m !== null; m = re.exec(text)) slow.push([m.index, m.index + m[0].length]);
        const fast: number[][] = [];
        for (let start = wordStart(text, from); start < text.length; start = wordStart(text, wordEnd(text, start))) fast.push([start, wordEnd(text, start)]);
        expect(fast, `${JSON.stringify(text)} from ${from}`).toEqual(slow);
      }
    }
  });

  it('option labels skip their regex only where it cannot match', () => {
    for (const text of texts) {
      let start = 0;
      for (const line of text.split('\n')) {
        const end = start + line.length;
        expect(isOptionLabel(text, start, end), JSON.stringify(line)).toBe(OPTION_LABEL.test(text.slice(start, end)));
        start = end + 1;
      }
    }
  });
});
