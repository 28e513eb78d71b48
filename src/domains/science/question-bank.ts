import { readFile } from 'node:fs/promises';
import type { ProgressEvent } from '../../core/domain.js';
import { parseArcFile } from './arc-loader.js';
import { parseMmluFile } from './mmlu-loader.js';
import { difficultyValues, type ScienceBank } from './difficulty-scale.js';
import { emptyStats, type LoadStats, type ParsedQuestion } from './question.js';
import type { ScienceDataFiles } from './data-files.js';

/** A question the domain can serve: exactly 4 distinct options, unique in the bank. */
export interface BankQuestion {
  bank: ScienceBank;
  stem: string;
  options: [string, string, string, string];
  answerIndex: number;
  source: Record<string, string | number>;
  /** Every candidate difficulty value (difficulty-scale.ts). */
  difficulty: Record<string, number>;
}

export interface ScienceBankData {
  questions: BankQuestion[];
  stats: LoadStats;
}

/**
 * Lower-cased with line breaks as spaces: the same as foldText for text that went through
 * cleanText (spaces already collapsed, lines trimmed), and much cheaper on 50,000 strings.
 */
function foldClean(text: string): string {
  return (text.includes('\n') ? text.replace(/\n/g, ' ') : text).toLowerCase();
}

/** Content key for deduplication: the folded stem and the folded options in any order. */
function contentKey(q: ParsedQuestion): string {
  return [foldClean(q.stem), ...q.options.map(foldClean).sort()].join('\u0000');
}

/** Options are cleaned text already, so "the same text" is plain equality. */
function hasBadOptions(q: ParsedQuestion): boolean {
  if (q.stem.length === 0 || q.options.some((o) => o.length === 0)) return true;
  return new Set(q.options).size !== q.options.length;
}

/**
 * Reads every science file, applies the filters in a fixed order (diagram and non-multiple-choice
 * in the ARC loader; then not exactly 4 options; empty or repeated options; duplicate content) and
 * returns the bank in file order. Deterministic for the same files.
 */
export async function loadScienceBank(files: ScienceDataFiles, onProgress?: (e: ProgressEvent) => void): Promise<ScienceBankData> {
  const stats = emptyStats();
  const parsed: ParsedQuestion[] = [];
  const total = files.arc.length + files.mmlu.length;
  let done = 0;
  const tick = (): void => onProgress?.({ stage: 'load science questions', done: ++done, total });

  const arcTexts = await Promise.all(files.arc.map((f) => readFile(f.path, 'utf8')));
  files.arc.forEach((f, k) => {
    const result = parseArcFile(arcTexts[k] as string, f.path, f.name);
    stats.arcRecords += result.records;
    stats.arcNumericKeys += result.numericKeys;
    stats.excludedDiagram += result.diagram;
    stats.excludedNotMultipleChoice += result.notMultipleChoice;
    parsed.push(...result.questions);
    tick();
  });
  const mmluTexts = await Promise.all(files.mmlu.map((f) => readFile(f.path, 'utf8')));
  files.mmlu.forEach((f, k) => {
    const questions = parseMmluFile(mmluTexts[k] as string, f.path, f.subject);
    stats.mmluRecords += questions.length;
    parsed.push(...questions);
    tick();
  });

  const seen = new Set<string>();
  const questions: BankQuestion[] = [];
  for (const q of parsed) {
    if (q.options.length !== 4) {
      stats.excludedNotFourOptions++;
      continue;
    }
    if (hasBadOptions(q)) {
      stats.excludedBadOptions++;
      continue;
    }
    const key = contentKey(q);
    if (seen.has(key)) {
      stats.excludedDuplicates++;
      continue;
    }
    seen.add(key);
    questions.push({
      bank: q.bank,
      stem: q.stem,
      options: q.options as [string, string, string, string],
      answerIndex: q.answerIndex,
      source: q.source,
      difficulty: difficultyValues({ bank: q.bank, grade: q.grade, subject: q.subject, stem: q.stem }),
    });
  }
  stats.kept = questions.length;
  return { questions, stats };
}
