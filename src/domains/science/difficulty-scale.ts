import type { DifficultyFunction } from '../../core/domain.js';

/**
 * The science domain's one human-difficulty scale (docs/domains/science.md has the table).
 * Every question gets a grade equivalent: ARC's school grade (3–9) as it is, MMLU subjects by tier.
 * f_hum adds half a grade for ARC-Challenge (questions two baseline solvers got wrong), which puts
 * Challenge grade g between Easy grades g and g+1. Neither source reports human accuracy.
 */

export type ScienceBank = 'ARC-Easy' | 'ARC-Challenge' | 'MMLU';
export type SubjectTier = 'conceptual' | 'high-school' | 'college';

/** The 12 MMLU science subjects the domain reads, each with its tier [ours]. */
export const MMLU_SUBJECT_TIERS = {
  conceptual_physics: 'conceptual',
  astronomy: 'conceptual',
  high_school_biology: 'high-school',
  high_school_chemistry: 'high-school',
  high_school_physics: 'high-school',
  college_biology: 'college',
  college_chemistry: 'college',
  college_physics: 'college',
  anatomy: 'college',
  medical_genetics: 'college',
  virology: 'college',
  electrical_engineering: 'college',
} as const satisfies Record<string, SubjectTier>;

export type MmluSubject = keyof typeof MMLU_SUBJECT_TIERS;
export const MMLU_SUBJECTS = Object.keys(MMLU_SUBJECT_TIERS) as MmluSubject[];

export function isMmluSubject(name: string): name is MmluSubject {
  return Object.prototype.hasOwnProperty.call(MMLU_SUBJECT_TIERS, name);
}

/** Grade equivalent of each MMLU tier: intro course (9–10), grades 11–12 incl. AP, undergraduate+. */
export const TIER_GRADE: Record<SubjectTier, number> = { conceptual: 10, 'high-school': 11.5, college: 14 };

/** Extra grade-equivalent for ARC-Challenge over ARC-Easy at the same school grade. */
export const CHALLENGE_OFFSET = 0.5;

/** source_tier: 0 ARC-Easy, 1 ARC-Challenge, 2 MMLU conceptual, 3 MMLU high school, 4 MMLU college. */
const SOURCE_TIER: Record<ScienceBank | SubjectTier, number> = {
  'ARC-Easy': 0,
  'ARC-Challenge': 1,
  MMLU: 2,
  conceptual: 2,
  'high-school': 3,
  college: 4,
};

const ARC_GRADES = [3, 4, 5, 6, 7, 8, 9];

/** Every f_hum level, easiest first (17 levels: 7 ARC-Easy, 7 ARC-Challenge, 3 MMLU tiers). */
export const F_HUM_LEVELS: readonly number[] = [
  ...ARC_GRADES,
  ...ARC_GRADES.map((g) => g + CHALLENGE_OFFSET),
  ...Object.values(TIER_GRADE),
].sort((a, b) => a - b);

/** Scale of the within-level fraction: it reaches one half at 24.5 × ln 2 ≈ 17 words, the median stem. */
export const FRACTION_SCALE_WORDS = 24.5;

/** A length-based fraction in [0, 1) that orders questions within one f_hum level: longer is later. */
export function withinLevelFraction(words: number): number {
  const w = Math.max(0, words);
  return Math.min(1 - Math.exp(-w / FRACTION_SCALE_WORDS), 0.999999);
}

/** Whether a UTF-16 code unit is whitespace in the sense of the regular expression `\s`. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace-separated words (counted without splitting: this runs on every question). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export const SCIENCE_DIFFICULTY_FUNCTIONS: readonly DifficultyFunction[] = [
  { name: 'f_hum', description: 'human difficulty: grade equivalent, +0.5 for ARC-Challenge; MMLU tiers 10/11.5/14 (higher is harder)' },
  { name: 'grade_level', description: 'grade equivalent alone: ARC school grade 3–9, MMLU tier 10/11.5/14 (higher is harder)' },
  { name: 'source_tier', description: '0 ARC-Easy, 1 ARC-Challenge, 2 MMLU conceptual, 3 MMLU high school, 4 MMLU college (higher is harder)' },
  { name: 'question_words', description: 'words in the question stem (longer is assumed harder; used only to break ties)' },
  { name: 'within_level', description: 'tie-break in [0,1): 1 - exp(-question_words/24.5); orders items inside one f_hum level' },
];

export interface DifficultyInput {
  bank: ScienceBank;
  /** ARC school grade (ARC only). */
  grade?: number;
  /** MMLU subject (MMLU only). */
  subject?: MmluSubject;
  stem: string;
}

/** All candidate difficulty values of one question. */
export function difficultyValues(q: DifficultyInput): Record<string, number> {
  let gradeLevel: number;
  let sourceTier: number;
  if (q.bank === 'MMLU') {
    if (q.subject === undefined) throw new Error('an MMLU question needs its subject');
    const tier = MMLU_SUBJECT_TIERS[q.subject];
    gradeLevel = TIER_GRADE[tier];
    sourceTier = SOURCE_TIER[tier];
  } else {
    if (q.grade === undefined) throw new Error('an ARC question needs its grade');
    gradeLevel = q.grade;
    sourceTier = SOURCE_TIER[q.bank];
  }
  const fHum = gradeLevel + (q.bank === 'ARC-Challenge' ? CHALLENGE_OFFSET : 0);
  const words = countWords(q.stem);
  return {
    f_hum: fHum,
    grade_level: gradeLevel,
    source_tier: sourceTier,
    question_words: words,
    within_level: withinLevelFraction(words),
  };
}

/**
 * The default monotone map to 0–100 [ours]: the 17 f_hum levels get equal slices of the axis in
 * order, and `within_level` places an item inside its level's slice:
 *   calibrated = 100 × (index of the level + within_level) / 17.
 * An f_hum value between two levels (never produced by the data) maps to the boundary between their
 * slices, and one outside the table to 0 or 100, so the map stays non-decreasing in f_hum. It uses
 * only the item's own values.
 */
export function calibrateScience(values: Record<string, number>): number {
  const f = values['f_hum'];
  if (f === undefined || !Number.isFinite(f)) throw new Error('science calibrate: values.f_hum is missing');
  const levels = F_HUM_LEVELS.length;
  const index = F_HUM_LEVELS.indexOf(f);
  if (index < 0) {
    const above = F_HUM_LEVELS.findIndex((level) => level > f);
    return above < 0 ? 100 : (100 * above) / levels;
  }
  const raw = values['within_level'] ?? 0;
  const frac = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 0.999999) : 0;
  return (100 * (index + frac)) / levels;
}
