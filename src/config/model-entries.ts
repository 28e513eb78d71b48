import { basename, extname } from 'node:path';
import { DOMAIN_NAMES, type DomainName } from '../core/item.js';
import type { ModelEntry, Pricing } from '../engine/run-types.js';
import type { GenerationSettings } from '../models/model-adapter.js';
import { createAdapter, type AdapterFactories } from '../models/create-adapter.js';
import { parseModelSpec, type Env, type ModelSpec } from '../models/model-spec.js';
import type { ModelConfig } from './config-schema.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRIES, DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT_MS, perDomain } from './model-defaults.js';

/** Command-line settings that apply to every model, overriding the config file. */
export interface ModelOverrides {
  samples?: number;
  temperature?: number;
  maxTokens?: number;
  concurrency?: number;
  timeoutMs?: number;
}

/** A readable, stable store key for a spec: the model name, the file name, or the replay file. */
export function defaultModelKey(spec: ModelSpec): string {
  switch (spec.provider) {
    case 'gguf':
      return spec.source.kind === 'file' ? basename(spec.source.path, extname(spec.source.path)) : (spec.source.file ?? spec.source.repo).replace(/\.gguf$/i, '');
    case 'replay':
      return `replay:${basename(spec.path, extname(spec.path))}`;
    default:
      return spec.model;
  }
}

/**
 * Turns the config's model list (with flags applied) into the engine's ModelEntry list, creating
 * each adapter. Keys are made unique by suffixing -2, -3 … in order.
 */
export async function buildModelEntries(
  models: readonly ModelConfig[],
  overrides: ModelOverrides,
  options: { env?: Env; factories?: AdapterFactories; prices?: Record<string, Pricing> } = {},
): Promise<ModelEntry[]> {
  const env = options.env ?? process.env;
  const used = new Set<string>();
  const entries: ModelEntry[] = [];
  for (const model of models) {
    const spec = parseModelSpec(model.spec, env);
    let key = model.key ?? defaultModelKey(spec);
    for (let n = 2; used.has(key); n++) key = `${model.key ?? defaultModelKey(spec)}-${n}`;
    used.add(key);
    const adapter = await createAdapter(spec, env, undefined, options.factories ?? {});
    const maxTokens = overrides.maxTokens ?? model.maxTokens;
    const tokens = perDomain(maxTokens, DEFAULT_MAX_TOKENS);
    const settings = Object.fromEntries(DOMAIN_NAMES.map((d) => [d, settingsFor(d, tokens, model, overrides)])) as Record<DomainName, GenerationSettings>;
    const concurrency = overrides.concurrency !== undefined
      ? { start: overrides.concurrency, floor: 1, ceiling: overrides.concurrency }
      : (model.concurrency ?? DEFAULT_CONCURRENCY[spec.provider]);
    const pricing = model.pricing ?? options.prices?.[adapter.modelId];
    entries.push({
      key,
      spec: spec.text,
      adapter,
      settings,
      samples: overrides.samples ?? model.samples ?? 1,
      concurrency,
      timeoutMs: overrides.timeoutMs ?? model.timeoutMs ?? DEFAULT_TIMEOUT_MS[spec.provider],
      maxRetries: model.maxRetries ?? DEFAULT_MAX_RETRIES,
      ...(pricing ? { pricing } : {}),
      ...cacheScopeOf(spec),
      ...(model.metadata ? { metadata: model.metadata } : {}),
    });
  }
  return entries;
}

/** Two local servers may serve different weights under one model name: keep their caches apart. */
function cacheScopeOf(spec: ModelSpec): { cacheScope?: string } {
  if (spec.provider === 'openai-compatible') return { cacheScope: spec.baseURL };
  if (spec.provider === 'ollama') return { cacheScope: spec.host };
  return {};
}

function settingsFor(domain: DomainName, tokens: Record<DomainName, number>, model: ModelConfig, overrides: ModelOverrides): GenerationSettings {
  return {
    temperature: overrides.temperature ?? model.temperature ?? 0,
    maxTokens: tokens[domain],
    ...(model.seed !== undefined ? { seed: model.seed } : {}),
    ...(model.stop ? { stop: model.stop } : {}),
  };
}
