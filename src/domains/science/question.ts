import type { MmluSubject, ScienceBank } from './difficulty-scale.js';

/** One parsed question, before the bank's filters (ARC may have 3–5 options here). */
export interface ParsedQuestion {
  bank: ScienceBank;
  stem: string;
  options: string[];
  /** 0-based index of the correct option. */
  answerIndex: number;
  /** ARC school grade. */
  grade?: number;
  /** MMLU subject. */
  subject?: MmluSubject;
  /** Provenance: ARC questionID and file, or MMLU subject and 0-based row. */
  source: Record<string, string | number>;
}

/** Counts of what the loaders saw and left out; docs/domains/science.md reports them. */
export interface LoadStats {
  arcRecords: number;
  mmluRecords: number;
  /** ARC answer keys given as 1–4 (options labelled (1)…(4)), normalised to A–D. */
  arcNumericKeys: number;
  excludedDiagram: number;
  excludedNotMultipleChoice: number;
  /** ARC questions with 3 or 5 options (the domain keeps exactly 4, so guessing is 25%). */
  excludedNotFourOptions: number;
  /** Questions with an empty stem or option, or two options with the same text (not a real 4-way choice). */
  excludedBadOptions: number;
  /** Questions whose stem and options repeat an earlier question (the first is kept). */
  excludedDuplicates: number;
  kept: number;
}

export function emptyStats(): LoadStats {
  return {
    arcRecords: 0,
    mmluRecords: 0,
    arcNumericKeys: 0,
    excludedDiagram: 0,
    excludedNotMultipleChoice: 0,
    excludedNotFourOptions: 0,
    excludedBadOptions: 0,
    excludedDuplicates: 0,
    kept: 0,
  };
}
