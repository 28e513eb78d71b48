import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text.js';

describe('normaliseText', () => {
  it('straightens curly quotes and apostrophes', () => {
    expect(normaliseText('I\u2019m not sure \u201csilent\u201d')).toBe('I\'m not sure "silent"');
  });
  it('turns odd spaces into spaces and drops invisible characters', () => {
    expect(normaliseText('4\u202f005\u200b and\u00a0more')).toBe('4 005 and more');
  });
  it('removes LaTeX digit grouping', () => {
    expect(normaliseText('4{,}005 and 4\\,005 and 4\\!005')).toBe('4,005 and 4,005 and 4005');
  });
  it('ends the text at a chat-template end token and drops a start token', () => {
    expect(normaliseText('<|im_start|>assistant\n4005<|im_end|>\n<|im_start|>user')).toBe('4005');
    expect(normaliseText('4005</s>Question: more')).toBe('4005');
  });
  it('turns CRLF into LF and leaves plain text untouched (same string)', () => {
    expect(normaliseText('a\r\nb\rc')).toBe('a\nb\nc');
    const plain = 'The sum is 4005.';
    expect(normaliseText(plain)).toBe(plain);
  });
});
