/**
 * One row of `reliabench grade --input responses.jsonl`: a response produced by any tool, with what
 * the grader needs to judge it. Documented in docs/grading.md ("Grading your own outputs").
 *
 *   { "id": "q1", "domain": "addition", "gold": "4005", "response": "The sum is 4,005.", "prompt": "…" }
 *   { "domain": "anagram", "item_id": "anagram-1f…", "response": "PLANET" }      (an item in the workspace)
 *   { "item": { …an item line from `reliabench generate`… }, "response": "…" }
 *   { "response": "I cannot help with that." }                                    (--avoidance-only)
 */
import { z } from 'zod';
import { DOMAIN_NAMES } from '../../core/item.js';
import { OPTION_LETTERS } from '../../domains/science/check.js';
import { TRANSFORM_TYPE_NAMES } from '../../domains/transforms/gold.js';

const digits = z.union([z.string().regex(/^\d+$/, 'expected the sum as decimal digits'), z.number().int().nonnegative()]);

/** The gold forms accepted per domain; short forms are expanded to the domain's gold object. */
export const GOLD_SCHEMAS = {
  addition: z.union([digits.transform((sum) => ({ sum: String(sum) })), z.object({ sum: digits.transform(String) })]),
  anagram: z.union([
    z.string().min(1).transform((word) => ({ word, solutions: [word] })),
    z.object({ word: z.string().min(1), solutions: z.array(z.string().min(1)).min(1).optional() })
      .transform((g) => ({ word: g.word, solutions: g.solutions ?? [g.word] })),
  ]),
  science: z.object({ answer: z.enum(OPTION_LETTERS), options: z.array(z.string()).length(4) })
    .transform((g) => ({ answer: g.answer, options: g.options, answerText: g.options[OPTION_LETTERS.indexOf(g.answer)] ?? '' })),
  transforms: z.object({ type: z.enum(TRANSFORM_TYPE_NAMES), output: z.string() }),
  locality: z.never({ error: 'locality answers are checked against the gazetteer: give "item_id" or "item" instead of "gold"' }),
} as const;

export const INPUT_ROW = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  domain: z.enum(DOMAIN_NAMES).optional(),
  item_id: z.string().min(1).optional(),
  item: z.object({
    id: z.string(), domain: z.enum(DOMAIN_NAMES), input: z.record(z.string(), z.string()), gold: z.unknown(),
    difficulty: z.object({ values: z.record(z.string(), z.number()), chosen: z.string(), calibrated: z.number(), bin: z.number() }).optional(),
    source: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }).optional(),
  gold: z.unknown().optional(),
  response: z.string({ error: (iss) => (iss.input === undefined ? 'is missing: the model output, as a string' : 'expected the model output as a string') }),
  prompt: z.string().optional(),
  mode: z.enum(['chat', 'completion']).optional(),
});

export type InputRow = z.infer<typeof INPUT_ROW>;
