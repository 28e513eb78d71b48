import { corruptData, parseCsv } from './csv-parser.js';
import { cleanText } from './plain-text.js';
import type { ParsedQuestion } from './question.js';
import type { MmluSubject } from './difficulty-scale.js';

export const MMLU_COLUMNS = ['question', 'choice0', 'choice1', 'choice2', 'choice3', 'answer'] as const;

/** `<subject>_test.csv`, the name in both the local layout and the upstream data.tar. */
export function mmluFileName(subject: MmluSubject): string {
  return `${subject}_test.csv`;
}

/** The answer as a 0-based index: 0–3 (local format) or A–D (upstream format) are both accepted. */
function answerIndex(value: string): number | undefined {
  const v = value.trim().toUpperCase();
  if (/^[0-3]$/.test(v)) return Number(v);
  const letter = ['A', 'B', 'C', 'D'].indexOf(v);
  return letter >= 0 ? letter : undefined;
}

/**
 * Parses one MMLU file in either format: the local one (header `question,choice0..choice3,answer`,
 * answer 0–3) or the canonical upstream one (no header, question then 4 options then answer A–D).
 * A first line whose first field is `question` is a header.
 */
export function parseMmluFile(text: string, file: string, subject: MmluSubject): ParsedQuestion[] {
  const records = parseCsv(text, file);
  const first = records[0];
  if (!first) throw corruptData(file, 1, 'the file is empty (expected MMLU questions)');

  let columns: number[] = [0, 1, 2, 3, 4, 5];
  let width = 6;
  let body = records;
  if (first.fields[0]?.trim().toLowerCase() === 'question') {
    const col = new Map(first.fields.map((name, i) => [name.trim().toLowerCase(), i]));
    columns = MMLU_COLUMNS.map((name) => {
      const index = col.get(name);
      if (index === undefined) throw corruptData(file, first.line, `missing header column "${name}"`);
      return index;
    });
    width = first.fields.length;
    body = records.slice(1);
  }

  const out: ParsedQuestion[] = [];
  body.forEach(({ fields, line }, row) => {
    if (fields.length !== width) throw corruptData(file, line, `expected ${width} columns, found ${fields.length}`);
    const [q, c0, c1, c2, c3, a] = columns.map((i) => fields[i] as string) as [string, string, string, string, string, string];
    const index = answerIndex(a);
    if (index === undefined) {
      throw corruptData(file, line, `bad answer key ${JSON.stringify(a)} (expected 0–3 or A–D)`);
    }
    const stem = cleanText(q);
    const options = [c0, c1, c2, c3].map(cleanText);
    out.push({ bank: 'MMLU', stem, options, answerIndex: index, subject, source: { bank: 'MMLU', subject, row } });
  });
  return out;
}
