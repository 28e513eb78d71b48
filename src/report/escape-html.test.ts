import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { html, trusted } from './html/safe-html.js';

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('turns script, event-handler and textarea-breaking payloads into inert text', () => {
    const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</textarea><script>alert(2)</script>', '"><svg onload=alert(3)>'];
    for (const p of payloads) {
      const out = escapeHtml(p);
      expect(out).not.toMatch(/[<>"']/);
      expect(unescape(out)).toBe(p);
    }
  });

  it('leaves text without special characters alone, including non-ASCII', () => {
    expect(escapeHtml('ollama:llama3.2 — Größe 😀')).toBe('ollama:llama3.2 — Größe 😀');
  });

  it('for any string: no raw markup characters remain and unescaping gives the input back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(unescape(out)).toBe(s);
      }),
    );
  });
});

describe('html template tag', () => {
  it('escapes interpolated strings, keeps trusted markup, flattens arrays and drops empty values', () => {
    const key = '<script>alert("k")</script>';
    const out = html`<td title="${key}">${key}</td>${[html`<b>${'a&b'}</b>`, null, false]}${trusted('<hr>')}${3}`;
    expect(out.markup).toBe('<td title="&lt;script&gt;alert(&quot;k&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;k&quot;)&lt;/script&gt;</td><b>a&amp;b</b><hr>3');
  });
});
