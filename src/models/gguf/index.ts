/** The in-process GGUF adapter (node-llama-cpp, optional) and the default model. See docs/gguf.md. */
export { createGgufAdapter, GgufAdapter, type GgufAdapterOptions } from './gguf-adapter.js';
export { DEFAULT_MODEL, DEFAULT_MODEL_SPEC, resolveDefaultModel, type ResolvedDefaultModel } from './default-model.js';
export { DEFAULT_CONTEXT_SIZE, DEFAULT_THREADS } from './open-model.js';
export { modelCacheDir, MODEL_ALTERNATIVES } from './model-cache.js';
export { NODE_LLAMA_CPP_VERSION } from './load-node-llama.js';
export type { HfResolveOptions } from './hf-model.js';
