import type { Rng } from '../../core/rng.js';

/** Every transformation type, in the fixed round-robin order the generator uses. */
export const TRANSFORM_TYPE_NAMES = [
  'date-iso',
  'time-24h',
  'name-order',
  'initials',
  'unit-convert',
  'sort-alpha',
  'sort-numeric',
  'dedupe',
  'case-change',
  'identifier-case',
  'extract-emails',
  'extract-phones',
  'extract-prices',
  'csv-to-json',
  'json-to-csv',
  'number-format',
  'currency-format',
  'reverse-words',
  'filter-lines',
] as const;
export type TransformTypeName = (typeof TRANSFORM_TYPE_NAMES)[number];

/**
 * How an output is compared (check.ts): `lines` line by line, `json` as parsed values,
 * `csv` cell by cell.
 */
export type OutputKind = 'lines' | 'json' | 'csv';

/** The gold of a transforms item: the type and the one correct output in canonical form. */
export interface TransformsGold {
  type: TransformTypeName;
  output: string;
}

/** One generated instance of a transformation type, before the domain wraps it into an item. */
export interface TransformInstance {
  /**
   * The instruction as a verb phrase with a lowercase start and no final period, e.g.
   * "sort the words in the list from A to Z, one per line". Wording never says "below" or "above",
   * so it fits templates that put the data before or after the instruction.
   */
  instruction: string;
  /** The input text, one record per line (or a JSON/CSV document). */
  data: string;
  /** The one correct output, canonical form. */
  output: string;
  /** How many records (lines, rows, objects) the data holds. */
  records: number;
}

export interface TransformType {
  name: TransformTypeName;
  outputKind: OutputKind;
  /** One deterministic instance drawn from the rng. */
  generate(rng: Rng): TransformInstance;
}
