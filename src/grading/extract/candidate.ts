/**
 * What an extractor returns: every answer it finds, with how confidently the response offers it.
 * The rule layer (rules/decide.ts) picks among them; extractors never decide.
 */

/** How an answer is offered: only in passing (loose), stated as the answer, or as the final answer. */
export type Tier = 0 | 1 | 2;
export const LOOSE: Tier = 0;
export const STATED: Tier = 1;
export const FINAL: Tier = 2;

export interface Candidate {
  /** The text handed to the domain's `check`. */
  value: string;
  tier: Tier;
  /** Offset in the answer text; later offers of the same tier win. */
  pos: number;
  /** Candidates sharing a group were offered together as alternatives ("4005 or 4015", a list). */
  group: number;
  /** Where it came from, for the rationale: `boxed`, `final-marker`, `answer-marker`, `bold`, … */
  how: string;
  /** Offered with a hedge ("maybe", "I think", "probably"). */
  hedged: boolean;
  /** Other readings of the same answer (e.g. "The Hague" and "Hague"), never empty; correct if any reading is. */
  alt?: string[];
}

/** Collects candidates; a group id is shared by the values of one offer. */
export class CandidateList {
  readonly items: Candidate[] = [];
  private nextGroup = 0;

  newGroup(): number {
    return this.nextGroup++;
  }

  add(value: string, tier: Tier, pos: number, how: string, hedged = false, group = this.newGroup(), alt?: string[]): void {
    // Always the same fields (alt may be undefined), so code reading candidates sees one object shape.
    // Readers give other readings as undefined or a non-empty list (places.ts is the only one with any).
    this.items.push({ value, tier, pos, group, how, hedged, alt });
  }
}
