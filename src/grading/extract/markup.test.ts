import { describe, expect, it } from 'vitest';
import { scanMarkup } from './markup.js';

const spans = (text: string, kind: string): string[] =>
  scanMarkup(text).emphasis.filter((e) => e.kind === kind).map((e) => text.slice(e.start, e.end));

describe('scanMarkup', () => {
  it('blanks formatting without moving offsets', () => {
    const text = 'The sum is **4005** and $\\boxed{4005}$.';
    const m = scanMarkup(text);
    expect(m.clean).toHaveLength(text.length);
    expect(m.clean.replace(/\s+/g, ' ')).toBe('The sum is 4005 and 4005 .');
  });
  it('finds bold, boxed (with nested braces), code and quoted spans', () => {
    expect(spans('**B. photosynthesis**', 'bold')).toEqual(['B. photosynthesis']);
    expect(spans('\\boxed{\\text{silent}}', 'boxed')).toEqual(['\\text{silent}']);
    expect(spans('Use `listen` here', 'code')).toEqual(['listen']);
    expect(spans('The word is "silent", not \'tinsel\'.', 'quoted')).toEqual(['silent', 'tinsel']);
  });
  it('does not take apostrophes for quotes or underscores inside identifiers for italics', () => {
    expect(spans("it's Tom's", 'quoted')).toEqual([]);
    expect(scanMarkup('PLANET_VELVET_AMOUNT').clean).toBe('PLANET_VELVET_AMOUNT');
  });
  it('blanks code-fence lines and headings', () => {
    expect(scanMarkup('```text\n4005\n```').clean.trim()).toBe('4005');
    expect(scanMarkup('## Answer\n4005').clean.trim().replace(/\s+/g, ' ')).toBe('Answer 4005');
  });
});
