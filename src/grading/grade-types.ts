import type { DomainName, Item } from '../core/item.js';
import type { RenderMode } from '../core/template.js';

/** METHOD.md §4 [paper]: every answer is correct, avoidant or incorrect. */
export type Outcome = 'correct' | 'avoidant' | 'incorrect';

/** Avoidance sub-types [ours] (METHOD.md §4). */
export const AVOIDANCE_TYPES = ['empty', 'echo', 'off-topic', 'epistemic', 'clarification', 'refusal', 'meta'] as const;
export type AvoidanceType = (typeof AVOIDANCE_TYPES)[number];

export interface GradeInput {
  /** The item, with its gold. For `--input` rows with only a gold answer, build a minimal item. */
  item: Item;
  /** The model's raw output, untrusted. */
  response: string;
  /** The rendered prompt, when known: needed to recognise echoes and run-on continuations. */
  prompt?: string;
  /** Completion-mode (raw model) output is cut at the documented stop rule before extraction. */
  mode?: RenderMode;
}

/** Avoidance-only grading for free text with no gold answer (`grade --input` without gold). */
export interface AvoidanceInput {
  response: string;
  prompt?: string;
  domain?: DomainName;
  mode?: RenderMode;
}

export interface Grade {
  outcome: Outcome;
  /** Set when outcome is 'avoidant'. */
  avoidance?: AvoidanceType;
  /** The answer the grader took from the response, or null when none could be extracted. */
  extracted: string | null;
  /** The documented rule that decided, e.g. `final-answer-wins`, `hedge-committed`, `refusal-with-answer`. */
  ruleId: string;
  graderVersion: string;
  /** One line a person can read: why this outcome. */
  rationale: string;
}

/**
 * Avoidance-only grading has no gold, so a response that does not avoid is `committed`: it offers
 * an answer whose correctness is unknown. Otherwise the same fields as a Grade.
 */
export type AvoidanceOutcome = 'avoidant' | 'committed';

export interface AvoidanceGrade extends Omit<Grade, 'outcome'> {
  outcome: AvoidanceOutcome;
}
