import { ReliabenchError } from '../../core/errors.js';

/** One CSV record and the physical line (1-based) of the file where it starts. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** The error every malformed science file raises: `<file>:<line>: <what is wrong>`. */
export function corruptData(file: string, line: number, what: string): ReliabenchError {
  return new ReliabenchError('SCIENCE_DATA_CORRUPT', `${file}:${line}: ${what}`, { input: file });
}

/**
 * An RFC 4180 CSV parser that keeps the physical line number of every record, so errors can say
 * `file:line`. Quoted fields may hold commas, doubled quotes and line breaks. Records end at CRLF,
 * LF or a lone CR. A leading UTF-8 byte-order mark is dropped; wholly empty lines are skipped.
 * A quote inside an unquoted field is kept literally (common in the wild); text between a closing
 * quote and the next comma or line break, and a quote still open at the end of the file, are errors.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let atRecordStart = true;

  const QUOTE = 34;
  const COMMA = 44;
  const CR = 13;
  const LF = 10;

  /** Length of the line break at `pos` (2 for CRLF, 1 for LF or a lone CR), or 0 if there is none. */
  const lineBreakAt = (pos: number): number => {
    const c = text.charCodeAt(pos);
    if (c === CR) return text.charCodeAt(pos + 1) === LF ? 2 : 1;
    if (c === LF) return 1;
    return 0;
  };

  while (i < n) {
    if (atRecordStart) {
      const brk = lineBreakAt(i);
      if (brk > 0) {
        // an empty line: not a record
        i += brk;
        line++;
        continue;
      }
      recordLine = line;
      fields = [];
      atRecordStart = false;
    }

    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      i++;
      let parts = '';
      let start = i;
      for (;;) {
        if (i >= n) throw corruptData(file, openLine, 'unterminated quoted field (a " opened here is never closed)');
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            parts += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          parts += text.slice(start, i);
          i++;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      value = parts;
      if (i < n && text.charCodeAt(i) !== COMMA && lineBreakAt(i) === 0) {
        const after = JSON.stringify(text.slice(i, i + 20));
        // A field that ran over several lines before this error almost always means a quote opened
        // on its first line was never closed: point there, where a person must fix it.
        throw openLine === line
          ? corruptData(file, line, `unexpected text after a closing quote: ${after}`)
          : corruptData(file, openLine, `the quoted field opened on this line is not closed before line ${line} (unexpected text ${after} there)`);
      }
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      value = text.slice(start, i);
    }
    fields.push(value);

    if (i >= n) break;
    if (text.charCodeAt(i) === COMMA) {
      i++;
      if (i >= n) fields.push(''); // a trailing comma at the very end of the file
      continue;
    }
    // a line break ends the record
    i += lineBreakAt(i);
    line++;
    records.push({ fields, line: recordLine });
    atRecordStart = true;
  }
  if (!atRecordStart) records.push({ fields, line: recordLine });
  return records;
}
