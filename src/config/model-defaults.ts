import { DOMAIN_NAMES, type DomainName } from '../core/item.js';
export { DEFAULT_MAX_TOKENS } from '../engine/stop-rule.js';
import type { ConcurrencyLimits } from '../engine/run-types.js';
import type { Provider } from '../models/model-spec.js';

/** Defaults for a model entry when neither the config file nor a flag says otherwise (max tokens: src/engine/stop-rule.ts). */
/** Local servers are small; hosted APIs take more. The engine adapts within [floor, ceiling]. */
export const DEFAULT_CONCURRENCY: Record<Provider, ConcurrencyLimits> = {
  openai: { start: 8, floor: 1, ceiling: 64 },
  anthropic: { start: 4, floor: 1, ceiling: 32 },
  ollama: { start: 2, floor: 1, ceiling: 8 },
  'openai-compatible': { start: 8, floor: 1, ceiling: 64 },
  gguf: { start: 1, floor: 1, ceiling: 1 }, // one in-process context answers one request at a time
  replay: { start: 64, floor: 64, ceiling: 256 },
};

export const DEFAULT_TIMEOUT_MS: Record<Provider, number> = {
  openai: 120_000,
  anthropic: 120_000,
  ollama: 300_000,
  'openai-compatible': 300_000,
  gguf: 600_000,
  replay: 10_000,
};

export const DEFAULT_MAX_RETRIES = 5;

/** Expands a per-domain number config (one number, or some domains) to every domain. */
export function perDomain(value: number | Partial<Record<DomainName, number>> | undefined, fallback: Record<DomainName, number>): Record<DomainName, number> {
  const out = { ...fallback };
  if (typeof value === 'number') for (const d of DOMAIN_NAMES) out[d] = value;
  else if (value) for (const d of DOMAIN_NAMES) out[d] = value[d] ?? out[d];
  return out;
}
