import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from './csv-parser.js';
import { ReliabenchError } from '../../core/errors.js';

function errorOf(fn: () => unknown): ReliabenchError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReliabenchError) return e;
    throw e;
  }
  throw new Error('expected a ReliabenchError');
}

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, embedded newlines and CRLF with physical line numbers', () => {
    const text =
      'id,question,answer\r\n' +
      '1,"Which, of these?",A\r\n' +
      '2,"He said ""hi"" twice",B\r\n' +
      '3,"line one\r\nline two\nline three",C\r\n' +
      '4,plain,D';
    const records = parseCsv(text, 'nasty.csv');
    expect(records.map((r) => r.fields)).toEqual([
      ['id', 'question', 'answer'],
      ['1', 'Which, of these?', 'A'],
      ['2', 'He said "hi" twice', 'B'],
      ['3', 'line one\r\nline two\nline three', 'C'],
      ['4', 'plain', 'D'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 7]);
  });

  it('drops a BOM, skips blank lines, keeps empty fields and a trailing empty field', () => {
    const records = parseCsv('\ufeffa,b,c\n\n1,,3\n4,5,\n\n', 'x.csv');
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '', '3'], line: 3 },
      { fields: ['4', '5', ''], line: 4 },
    ]);
  });

  it('reads a lone CR as a line break and keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('a,b\r1,say "x"\r', 'cr.csv')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'say "x"'], line: 2 },
    ]);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const e = errorOf(() => parseCsv('a,b\n1,2\n3,"never closed\nmore text\n', 'data/broken.csv'));
    expect(e.code).toBe('SCIENCE_DATA_CORRUPT');
    expect(e.message).toMatch(/^data\/broken\.csv:3: unterminated quoted field/);
    expect(e.input).toBe('data/broken.csv');
  });

  it('reports text after a closing quote with its line', () => {
    const e = errorOf(() => parseCsv('a,b\n"x"z,1\n', 'q.csv'));
    expect(e.message).toMatch(/^q\.csv:2: unexpected text after a closing quote/);
  });

  it('points a stray quote that swallowed later lines at the line where it opened', () => {
    const e = errorOf(() => parseCsv('a,b\n"x\ny"z,1\n', 'q.csv'));
    expect(e.message).toMatch(/^q\.csv:2: the quoted field opened on this line is not closed before line 3/);
  });

  it('round-trips any table written the RFC 4180 way, with the right line numbers', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'é', '(A)'), maxLength: 12 });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        // a record of one empty field is a blank line, which the parser skips by design
        const quote = (s: string): string => (/[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
        const lines = rows.map((r) => r.map(quote).join(','));
        const text = lines.join(eol) + eol;
        const parsed = parseCsv(text, 't.csv');
        expect(parsed.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        rows.forEach((_, i) => {
          expect(parsed[i]?.line).toBe(line);
          line += (lines[i] as string).split(/\r\n|\n/).length;
        });
      }),
    );
  });
});
