import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';
import type { ModelMode } from '../model-adapter.js';
import type { GgufSpec } from '../model-spec.js';
import { chatTemplateOf } from './gguf-generation.js';
import { resolveHfModel, type HfResolveOptions } from './hf-model.js';
import { lastNativeLog, loadNodeLlamaCpp, sharedLlama, type ModuleImporter } from './load-node-llama.js';
import type { NodeLlamaCompletion, NodeLlamaContext, NodeLlamaGpu, NodeLlamaModel, NodeLlamaModule, NodeLlamaSequence } from './node-llama-types.js';

/** On a 2-core machine shared with other work one thread ran 7–100× faster than two (docs/gguf.md). */
export const DEFAULT_THREADS = 1;
/** Capped at the model's training context. */
export const DEFAULT_CONTEXT_SIZE = 4096;

export interface GgufAdapterOptions extends HfResolveOptions {
  /** llama.cpp threads. Default 1: measured in docs/gguf.md. */
  threads?: number;
  /** Tokens of context (prompt + answer). Default 4096, capped at the model's training context. */
  contextSize?: number;
  /** Default false (CPU). 'auto' lets node-llama-cpp pick CUDA/Vulkan/Metal when their binaries are installed. */
  gpu?: NodeLlamaGpu;
  /** Used when the spec has no `?mode=`; by default chat when the file has a chat template, else completion. */
  mode?: ModelMode;
  /** Relative `gguf:` paths resolve against this. Default process.cwd(). */
  baseDir?: string;
  /** Chat mode only. Default none: the model's template decides, as a server given one user message would. */
  systemPrompt?: string;
  /** How node-llama-cpp is loaded; tests inject a failing importer. */
  importer?: ModuleImporter;
}

export interface OpenedModel {
  mod: NodeLlamaModule;
  path: string;
  model: NodeLlamaModel;
  context: NodeLlamaContext;
  sequence: NodeLlamaSequence;
  completion: NodeLlamaCompletion;
  mode: ModelMode;
  hasChatTemplate: boolean;
  threads: number;
  systemPrompt: string | undefined;
}

function positiveInteger(value: number | undefined, fallback: number, name: string, input: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new ReliabenchError('BAD_ARGUMENT', `${input}: ${name} must be a whole number of at least 1, not ${value}`, { input });
  }
  return value;
}

/** The local .gguf for a spec: a path that must exist, or an `hf:` file found in or downloaded to the cache. */
export async function modelPathFor(spec: GgufSpec, options: GgufAdapterOptions): Promise<string> {
  if (spec.source.kind === 'hf') return resolveHfModel(spec.source, options);
  const path = resolve(options.baseDir ?? process.cwd(), spec.source.path);
  let isFile = false;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    // reported below
  }
  if (!isFile) {
    throw new ReliabenchError(
      'BAD_MODEL_SPEC',
      `${spec.text}: no model file at ${path}: check the path (relative paths start from the current folder), or use gguf:hf:<user>/<repo>/<file>.gguf to download one`,
      { input: spec.text },
    );
  }
  return path;
}

/** Loads everything the adapter needs; on any failure frees what it had loaded. */
export async function openGgufModel(spec: GgufSpec, options: GgufAdapterOptions = {}): Promise<OpenedModel> {
  const threads = positiveInteger(options.threads, DEFAULT_THREADS, 'threads', spec.text);
  const wantedContext = positiveInteger(options.contextSize, DEFAULT_CONTEXT_SIZE, 'contextSize', spec.text);
  const mod = await loadNodeLlamaCpp(options.importer); // before any download: fail fast when it cannot run
  const path = await modelPathFor(spec, options);
  const llama = await sharedLlama(mod, options.gpu ?? false);
  let model: NodeLlamaModel;
  try {
    model = await llama.loadModel({ modelPath: path, ...(options.signal ? { loadSignal: options.signal } : {}) });
  } catch (cause) {
    const why = lastNativeLog() ?? (cause instanceof Error ? cause.message.split('\n')[0] : String(cause));
    throw new ReliabenchError('BAD_MODEL_SPEC', `${spec.text}: llama.cpp cannot load ${path} (${why}): is it a complete GGUF model file?`, { input: spec.text, cause });
  }
  try {
    const template = chatTemplateOf(model.fileInfo.metadata);
    const mode = spec.mode ?? options.mode ?? (template === undefined ? 'completion' : 'chat');
    if (mode === 'chat' && template === undefined) {
      throw new ReliabenchError(
        'BAD_MODEL_SPEC',
        `${spec.text}: this model has no chat template (no tokenizer.chat_template in the file), so chat mode would wrap prompts in a guessed format and produce nonsense; use completion mode (?mode=completion, the default for such models)`,
        { input: spec.text },
      );
    }
    const contextSize = Math.min(wantedContext, model.trainContextSize);
    const context = await createContext(model, { contextSize, threads }, spec.text);
    const sequence = context.getSequence();
    const completion = new mod.LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
    return { mod, path, model, context, sequence, completion, mode, hasChatTemplate: template !== undefined, threads, systemPrompt: options.systemPrompt };
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

async function createContext(model: NodeLlamaModel, options: { contextSize: number; threads: number }, input: string): Promise<NodeLlamaContext> {
  try {
    return await model.createContext({ ...options, sequences: 1 });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ReliabenchError(
      'PROVIDER_UNAVAILABLE',
      `${input}: could not create a ${options.contextSize}-token context (${why}): lower contextSize or free memory`,
      { input, cause },
    );
  }
}
