import { corruptData, parseCsv } from './csv-parser.js';
import { answerKeyIndex, splitArcQuestion } from './arc-options.js';
import { cleanText } from './plain-text.js';
import type { ParsedQuestion } from './question.js';
import type { ScienceBank } from './difficulty-scale.js';

export const ARC_COLUMNS = [
  'questionID',
  'originalQuestionID',
  'totalPossiblePoint',
  'AnswerKey',
  'isMultipleChoiceQuestion',
  'includesDiagram',
  'examName',
  'schoolGrade',
  'year',
  'question',
  'subject',
  'category',
] as const;

/** The ARC files the domain reads, in the order questions are taken (first copy of a duplicate wins). */
export const ARC_FILES = ['Easy', 'Challenge'].flatMap((level) =>
  ['Train', 'Dev', 'Test'].map((split) => `ARC-${level}-${split}.csv`),
);

export interface ArcFileResult {
  questions: ParsedQuestion[];
  records: number;
  numericKeys: number;
  diagram: number;
  notMultipleChoice: number;
}

function bankOfFile(fileName: string): ScienceBank {
  return fileName.startsWith('ARC-Challenge') ? 'ARC-Challenge' : 'ARC-Easy';
}

function flag(value: string, file: string, line: number, column: string): boolean {
  const v = value.trim();
  if (v === '1') return true;
  if (v === '0') return false;
  throw corruptData(file, line, `${column} must be 0 or 1, found ${JSON.stringify(value)}`);
}

/**
 * Parses one ARC CSV file (`file` is its path, used in error messages; `fileName` its base name).
 * Diagram and non-multiple-choice questions are counted and dropped here; questions with 3 or 5
 * options are returned (the bank decides what to keep).
 */
export function parseArcFile(text: string, file: string, fileName: string): ArcFileResult {
  const records = parseCsv(text, file);
  const header = records[0];
  if (!header) throw corruptData(file, 1, 'the file is empty (expected an ARC header line)');
  const col = new Map(header.fields.map((name, i) => [name.trim(), i]));
  for (const name of ARC_COLUMNS) {
    if (!col.has(name)) throw corruptData(file, header.line, `missing header column "${name}"`);
  }
  const at = (fields: string[], name: (typeof ARC_COLUMNS)[number]): string => fields[col.get(name) as number] as string;
  const bank = bankOfFile(fileName);
  const out: ArcFileResult = { questions: [], records: 0, numericKeys: 0, diagram: 0, notMultipleChoice: 0 };

  for (const { fields, line } of records.slice(1)) {
    if (fields.length !== header.fields.length) {
      throw corruptData(file, line, `expected ${header.fields.length} columns, found ${fields.length}`);
    }
    out.records++;
    const id = at(fields, 'questionID').trim();
    const isMc = flag(at(fields, 'isMultipleChoiceQuestion'), file, line, 'isMultipleChoiceQuestion');
    const diagram = flag(at(fields, 'includesDiagram'), file, line, 'includesDiagram');
    const gradeText = at(fields, 'schoolGrade').trim();
    const grade = Number(gradeText);
    if (!/^[0-9]+$/.test(gradeText) || grade < 3 || grade > 9) {
      throw corruptData(file, line, `schoolGrade must be a whole number from 3 to 9, found ${JSON.stringify(gradeText)}`);
    }
    if (!isMc) {
      out.notMultipleChoice++;
      continue;
    }
    if (diagram) {
      out.diagram++;
      continue;
    }
    const split = splitArcQuestion(at(fields, 'question'));
    if (!split) throw corruptData(file, line, `question ${id}: no option labels (A) (B) … or (1) (2) … found`);
    const key = at(fields, 'AnswerKey');
    const answerIndex = answerKeyIndex(key);
    if (answerIndex === undefined || answerIndex >= split.options.length) {
      throw corruptData(
        file,
        line,
        `question ${id}: bad answer key ${JSON.stringify(key)} (expected A–${'ABCDE'[split.options.length - 1]} or 1–${split.options.length})`,
      );
    }
    if (/^[1-5]$/.test(key.trim())) out.numericKeys++;
    out.questions.push({
      bank,
      stem: cleanText(split.stem),
      options: split.options.map(cleanText),
      answerIndex,
      grade,
      source: { bank, questionId: id, file: fileName, grade },
    });
  }
  return out;
}
