import { ReliabenchError } from '../core/errors.js';
import type { ModelAdapter } from './model-adapter.js';
import { parseModelSpec, type Env, type GgufSpec, type ModelSpec } from './model-spec.js';
import type { FetchLike } from './post-json.js';

/** Builds the in-process adapter; node-llama-cpp is optional, so it is injected rather than imported here. */
export type GgufAdapterFactory = (spec: GgufSpec) => Promise<ModelAdapter>;

export interface AdapterFactories {
  gguf?: GgufAdapterFactory;
}

/**
 * A ModelAdapter for a spec string (or a parsed spec). Keys come from `env` (OPENAI_API_KEY,
 * ANTHROPIC_API_KEY, optional OPENAI_COMPATIBLE_API_KEY); OPENAI_BASE_URL / ANTHROPIC_BASE_URL move
 * those providers' endpoints. Async because some adapters must read or load something first: replay
 * reads and checks its whole file, gguf loads a model. Each provider's module (the AI SDK for OpenAI
 * and Anthropic) is imported only when a spec names it, so the CLI starts without loading them all.
 */
export async function createAdapter(
  spec: string | ModelSpec,
  env: Env = process.env,
  fetchImpl?: FetchLike,
  factories: AdapterFactories = {},
): Promise<ModelAdapter> {
  const parsed = typeof spec === 'string' ? parseModelSpec(spec, env) : spec;
  const fetch = fetchImpl === undefined ? {} : { fetch: fetchImpl };
  const mode = parsed.mode === undefined ? {} : { mode: parsed.mode };
  switch (parsed.provider) {
    case 'openai': {
      const { createOpenAIAdapter, OPENAI_DEFAULT_BASE_URL } = await import('./openai/openai-adapter.js');
      return createOpenAIAdapter({
        model: parsed.model,
        apiKey: requireKey(env, 'OPENAI_API_KEY', parsed.text),
        baseURL: nonEmpty(env['OPENAI_BASE_URL']) ?? OPENAI_DEFAULT_BASE_URL,
        ...mode,
        ...fetch,
      });
    }
    case 'anthropic': {
      const { AnthropicAdapter, ANTHROPIC_DEFAULT_BASE_URL } = await import('./anthropic/anthropic-adapter.js');
      return new AnthropicAdapter({
        model: parsed.model,
        apiKey: requireKey(env, 'ANTHROPIC_API_KEY', parsed.text),
        baseURL: nonEmpty(env['ANTHROPIC_BASE_URL']) ?? ANTHROPIC_DEFAULT_BASE_URL,
        ...mode,
        ...fetch,
      });
    }
    case 'openai-compatible': {
      const { createOpenAICompatibleAdapter } = await import('./openai-compatible/openai-compatible-adapter.js');
      const apiKey = nonEmpty(env['OPENAI_COMPATIBLE_API_KEY']);
      return createOpenAICompatibleAdapter({ baseURL: parsed.baseURL, model: parsed.model, ...(apiKey ? { apiKey } : {}), ...mode, ...fetch });
    }
    case 'ollama': {
      const { OllamaAdapter } = await import('./ollama/ollama-adapter.js');
      return new OllamaAdapter({ model: parsed.model, host: parsed.host, ...mode, ...fetch });
    }
    case 'replay': {
      const { ReplayAdapter } = await import('./replay/replay-adapter.js');
      return ReplayAdapter.load(parsed.path, parsed.mode);
    }
    case 'gguf':
      if (factories.gguf === undefined) {
        throw new ReliabenchError(
          'PROVIDER_UNAVAILABLE',
          `${parsed.text}: in-process GGUF models are not available in this build yet; serve the model with llama.cpp's llama-server and use openai-compatible:http://127.0.0.1:8080/v1#model instead`,
          { input: parsed.text },
        );
      }
      return factories.gguf(parsed);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The message names the variable and never a value. */
function requireKey(env: Env, variable: string, specText: string): string {
  const value = nonEmpty(env[variable]);
  if (value === undefined) {
    throw new ReliabenchError('MISSING_API_KEY', `${specText} needs an API key: set the ${variable} environment variable`, { input: specText });
  }
  return value;
}
