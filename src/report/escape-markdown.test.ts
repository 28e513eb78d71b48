import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escape-markdown.js';

/** Pipes not preceded by a backslash: each one would split a table cell. */
function unescapedPipes(text: string): number {
  return (text.match(/(?<!\\)\|/g) ?? []).length;
}

describe('escapeMarkdown', () => {
  it('keeps a cell a single cell: pipes escaped, line breaks become spaces', () => {
    expect(escapeMarkdown('a|b\nc\r\nd')).toBe('a\\|b c d');
  });

  it('shows HTML as text and stops code spans, links, emphasis and mentions', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMarkdown('`code` [x](http://e) *em* _u_ ~s~ @someone #12')).toBe('\\`code\\` \\[x\\](http://e) \\*em\\* \\_u\\_ \\~s\\~ \\@someone \\#12');
    expect(escapeMarkdown('back\\slash &amp;')).toBe('back\\\\slash &amp;amp;');
  });

  it('leaves ordinary model keys readable', () => {
    expect(escapeMarkdown('ollama:llama3.2-chat')).toBe('ollama:llama3.2-chat');
  });

  it('for any string: one line, no raw < or >, no unescaped pipe or backtick', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(/[\r\n<>\u2028\u2029]/);
        expect(unescapedPipes(out)).toBe(0);
        expect(out).not.toMatch(/(?<!\\)`/);
      }),
    );
  });
});
