import { parseModelSpec, type GgufSpec } from '../model-spec.js';
import { resolveHfModel, type HfResolveOptions } from './hf-model.js';

/**
 * The model `reliabench run` uses when no --model is given: Qwen2.5-0.5B-Instruct, Qwen's own GGUF
 * conversion at Q4_K_M (about 490 MB), Apache-2.0, with a chat template (ChatML) in its metadata.
 * See docs/gguf.md for why this one.
 */
export const DEFAULT_MODEL = {
  repo: 'Qwen/Qwen2.5-0.5B-Instruct-GGUF',
  file: 'qwen2.5-0.5b-instruct-q4_k_m.gguf',
  licence: 'Apache-2.0',
  name: 'Qwen2.5-0.5B-Instruct (Q4_K_M)',
} as const;

/** The spec string stored with every trial of the default model (stable across machines, unlike a cache path). */
export const DEFAULT_MODEL_SPEC = `gguf:hf:${DEFAULT_MODEL.repo}/${DEFAULT_MODEL.file}`;

export interface ResolvedDefaultModel {
  /** Parsed DEFAULT_MODEL_SPEC: hand it to createGgufAdapter (which finds the file in the cache). */
  spec: GgufSpec;
  /** The cached .gguf file. */
  path: string;
}

/**
 * Finds the default model in the cache or downloads it there (progress through `onProgress`). Offline
 * it fails within `firstByteTimeoutMs` (10 s) with ReliabenchError('DOWNLOAD_FAILED') naming the
 * alternatives: a local .gguf, an OpenAI-compatible server, a hosted API.
 */
export async function resolveDefaultModel(options: HfResolveOptions = {}): Promise<ResolvedDefaultModel> {
  const spec = parseModelSpec(DEFAULT_MODEL_SPEC) as GgufSpec;
  if (spec.source.kind !== 'hf') throw new Error(`DEFAULT_MODEL_SPEC is not an hf: spec: ${DEFAULT_MODEL_SPEC}`);
  const path = await resolveHfModel(spec.source, { label: `the default model ${DEFAULT_MODEL.name}`, ...options });
  return { spec, path };
}
