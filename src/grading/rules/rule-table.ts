/**
 * Every rule the grader can fire, with the outcome it gives and one example response (graded
 * against "What is 2000 + 2005?" unless another domain is named). docs/grading.md carries the same
 * table; rule-table.test.ts grades every example and checks the rule that fires.
 */
import type { AvoidanceType, Outcome } from '../grade-types.js';

export interface RuleInfo {
  id: string;
  /** 'graded' = correct or incorrect, decided by the domain check; 'committed' = avoidance-only mode. */
  outcome: Outcome | 'graded' | 'committed';
  avoidance?: AvoidanceType;
  summary: string;
  example: string;
  /** The example is a completion (raw model), graded with the stop rule. */
  completion?: boolean;
  /** The example is for a science item (options: A. deer, B. grass, C. fungus, D. hawk; gold B). */
  science?: boolean;
}

export const RULES = [
  { id: 'empty', outcome: 'avoidant', avoidance: 'empty', summary: 'nothing but whitespace or formatting', example: '**  **' },
  { id: 'think-unfinished', outcome: 'avoidant', avoidance: 'meta', summary: 'a think block never closed and nothing follows it (the model stopped while working on the task)', example: '<think>Adding column by column: 5 + 0 = 5, then' },
  { id: 'think-only', outcome: 'avoidant', avoidance: 'meta', summary: 'a closed think block and nothing after it', example: '<think>I need to add 2000 and 2005 column by column.</think>' },
  { id: 'new-question', outcome: 'avoidant', avoidance: 'off-topic', summary: 'a completion starts with a new question, turn or exercise (stop rule)', example: '\n\nQuestion: What is 12 + 30?\nAnswer: 42', completion: true },
  { id: 'echo', outcome: 'avoidant', avoidance: 'echo', summary: 'only copies of the prompt (or a continuation of it), no answer', example: 'What is 2000 + 2005?\nWhat is 2000 + 2005?' },
  { id: 'refusal', outcome: 'avoidant', avoidance: 'refusal', summary: 'declines on policy or principle and gives no answer', example: "I'm sorry, but I can't help with homework questions." },
  { id: 'epistemic', outcome: 'avoidant', avoidance: 'epistemic', summary: 'says it does not know or cannot do it, and gives no answer', example: "I don't know." },
  { id: 'clarification', outcome: 'avoidant', avoidance: 'clarification', summary: 'asks a question back and gives no answer', example: 'Do you want the sum or the product?' },
  { id: 'meta', outcome: 'avoidant', avoidance: 'meta', summary: 'talks about the task without giving an answer', example: 'To add these numbers, line up the digits and carry the ones.' },
  { id: 'off-topic', outcome: 'avoidant', avoidance: 'off-topic', summary: 'text unrelated to the task, with no answer', example: 'Once upon a time there was a little fox.' },
  { id: 'avoidance-over-mention', outcome: 'avoidant', summary: 'a refusal, "I don\'t know", a question back or a story, with answer-like values only in passing, never stated as the answer', example: "I can't work out sums like this; I only know that 4005 is a number." },
  { id: 'hedge-declined', outcome: 'avoidant', avoidance: 'epistemic', summary: 'declines to answer or to guess, and every value offered is hedged', example: "I won't guess. Maybe 4005, maybe not." },
  { id: 'no-commitment', outcome: 'avoidant', avoidance: 'meta', summary: 'science: mentions several options in passing and picks none', example: 'Deer eat plants, hawks eat animals and fungus breaks things down.', science: true },
  { id: 'final-answer', outcome: 'graded', summary: 'an explicit final answer: "Final answer: X", \\boxed{X}', example: 'Adding the units first, then the tens...\n\nFinal answer: 4005' },
  { id: 'final-answer-wins', outcome: 'graded', summary: 'a final answer that differs from an earlier stated answer: the final one is graded', example: 'The sum is 4005. Checking again, I think I slipped.\n\nFinal answer: 4015' },
  { id: 'last-stated-wins', outcome: 'graded', summary: 'several different stated answers, none marked final: the last one is graded', example: 'The answer is 4015. Wait, I missed a carry: the answer is 4005.' },
  { id: 'stated-answer', outcome: 'graded', summary: 'an answer after a marker, in bold or quotes, or on a line of its own', example: 'Sure! The sum of these numbers is **4,005**.' },
  { id: 'bare-answer', outcome: 'graded', summary: 'the whole response is the answer (a polite opener or a remark in brackets aside)', example: '4005' },
  { id: 'answer-in-passing', outcome: 'graded', summary: 'no marker: the answer-like value in the text (addition: the last plausible number; locality: the first place named; anagram: every word made of the letters; science: the one option mentioned)', example: 'Adding gives us a nice round 4005 overall, hooray' },
  { id: 'hedge-committed', outcome: 'graded', summary: 'a hedged single answer commits and is graded', example: "I'm not sure, but maybe 4005." },
  { id: 'refusal-with-answer', outcome: 'graded', summary: 'a refusal that still states an answer: the answer is graded', example: "I can't help you cheat on homework, but the answer is 4005." },
  { id: 'several-candidates', outcome: 'graded', summary: 'several answers offered together ("X or Y", a list, "both X and Y"): incorrect even when each is right — unless a later stated or final answer singles one out', example: 'It could be 4005 or 4015.' },
  { id: 'no-avoidance-found', outcome: 'committed', summary: 'avoidance-only mode: no avoidance found, so the response commits to something', example: 'Paris is the capital of France, as everyone learns at school.' },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];
