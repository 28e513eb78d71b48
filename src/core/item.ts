/**
 * An item is one benchmark question. Everything a template needs to render it is in `input`
 * (plain strings); everything a grader needs is in `gold` (domain-specific, JSON-safe).
 */
export const DOMAIN_NAMES = ['addition', 'anagram', 'locality', 'science', 'transforms'] as const;
export type DomainName = (typeof DOMAIN_NAMES)[number];

export function isDomainName(name: string): name is DomainName {
  return (DOMAIN_NAMES as readonly string[]).includes(name);
}

/** Number of equal-width bins the 0–100 calibrated difficulty axis is cut into [paper]. */
export const BIN_COUNT = 30;

export interface Difficulty {
  /** Every candidate difficulty function's raw value, by function name (METHOD.md section 2). */
  values: Record<string, number>;
  /** The name of the function the paper chose for this domain; its value is in `values`. */
  chosen: string;
  /** The chosen value mapped monotonically onto the shared 0–100 axis. */
  calibrated: number;
  /** 0 … BIN_COUNT-1: the equal-width bin of `calibrated`. */
  bin: number;
}

export interface Item<Gold = unknown> {
  /** `${domain}-${16 hex}`: a hash of domain, input and gold, so the same content has the same id. */
  id: string;
  domain: DomainName;
  /** Template placeholders: the values filled into `{name}` in a template. */
  input: Record<string, string>;
  gold: Gold;
  difficulty: Difficulty;
  /** Provenance (source question id, GeoNames id, word frequency rank …). */
  source: Record<string, string | number>;
}

/** What a domain generates; the pipeline adds the id, the calibration and the bin. */
export interface ItemDraft<Gold = unknown> {
  input: Record<string, string>;
  gold: Gold;
  /** Every candidate difficulty function's raw value. */
  difficulty: Record<string, number>;
  source: Record<string, string | number>;
}

export function binOf(calibrated: number): number {
  const width = 100 / BIN_COUNT;
  return Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(calibrated / width)));
}
