import { z } from 'zod';
import { DOMAIN_NAMES } from '../core/item.js';

/**
 * The config file (reliabench.config.json / .yaml / .ts), validated with zod. Every field is
 * optional; command-line flags override it. Unknown keys are errors, so a typo never silently
 * does nothing.
 */
const domain = z.enum(DOMAIN_NAMES);
const positiveInt = z.number().int().positive();

const perDomainNumber = z.union([positiveInt, z.partialRecord(domain, positiveInt)]);

export const PricingSchema = z.strictObject({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
});

export const ModelConfigSchema = z.strictObject({
  /** e.g. `openai:gpt-4o-mini`, `gguf:./model.gguf`, `openai-compatible:http://127.0.0.1:8000/v1#m`. */
  spec: z.string().min(1),
  /** Short name in the store and reports; default: derived from the spec. */
  key: z.string().regex(/^[A-Za-z0-9._:@/-]{1,80}$/, 'letters, digits and . _ : @ / - only, at most 80').optional(),
  samples: positiveInt.optional(),
  temperature: z.number().min(0).max(2).optional(),
  /** One number for every domain, or per domain. */
  maxTokens: perDomainNumber.optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string().min(1)).optional(),
  concurrency: z.strictObject({ start: positiveInt, floor: positiveInt, ceiling: positiveInt })
    .refine((c) => c.floor <= c.start && c.start <= c.ceiling, 'needs floor ≤ start ≤ ceiling').optional(),
  timeoutMs: positiveInt.optional(),
  maxRetries: z.number().int().min(0).max(20).optional(),
  pricing: PricingSchema.optional(),
  /** For the scaling and shaping trends: family, size, training compute, raw or shaped-up. */
  metadata: z.strictObject({
    family: z.string().optional(),
    parametersB: z.number().positive().optional(),
    trainingFlops: z.number().positive().optional(),
    shaped: z.boolean().optional(),
    notes: z.string().optional(),
  }).optional(),
});

export const ConfigSchema = z.strictObject({
  workspace: z.string().optional(),
  scienceData: z.string().optional(),
  generate: z.strictObject({
    domains: z.array(domain).min(1).optional(),
    perDomain: positiveInt.optional(),
    seed: z.number().int().optional(),
  }).optional(),
  models: z.array(ModelConfigSchema).optional(),
  filter: z.strictObject({
    domains: z.array(domain).min(1).optional(),
    templates: z.array(z.string().min(1)).optional(),
    difficulty: z.strictObject({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
      .refine((d) => d.min <= d.max, 'needs min ≤ max').optional(),
    limitPerDomain: positiveInt.optional(),
  }).optional(),
  /** Price overrides by model id (e.g. "gpt-4o-mini"), in USD per million tokens. */
  prices: z.record(z.string(), PricingSchema).optional(),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ModelConfig = z.infer<typeof ModelConfigSchema>;
