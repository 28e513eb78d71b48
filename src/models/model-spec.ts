import { ReliabenchError } from '../core/errors.js';
import type { ModelMode } from './model-adapter.js';

/**
 * The model spec strings a person types (DESIGN.md "The seams"):
 *
 *   openai:<model>                        key from OPENAI_API_KEY; OPENAI_BASE_URL overrides the endpoint
 *   anthropic:<model>                     key from ANTHROPIC_API_KEY; ANTHROPIC_BASE_URL overrides the endpoint
 *   ollama:<model>                        Ollama's native API at OLLAMA_HOST (default http://127.0.0.1:11434)
 *   openai-compatible:<base URL>#<model>  e.g. http://127.0.0.1:8000/v1#my-model (vLLM, llama.cpp server,
 *                                         LM Studio, Ollama /v1); an optional key from OPENAI_COMPATIBLE_API_KEY
 *   gguf:<path>.gguf | gguf:hf:<user>/<repo>/<file>.gguf | gguf:hf:<user>/<repo>:<quant>   in-process
 *   replay:<path>                         a JSONL of responses recorded elsewhere
 *
 * Mode: append `?mode=chat` or `?mode=completion` to any spec, e.g. `ollama:llama3.2?mode=completion` or
 * `openai-compatible:http://127.0.0.1:8000/v1#base-model?mode=completion`. Without it the adapter uses its
 * provider's default (chat for the HTTP APIs and replay; the gguf adapter may look at the model's chat
 * template). The suffix is recognised only at the very end and only as `?key=value[&key=value]`, so a
 * query inside an openai-compatible URL (before its `#`) is left alone. `mode` is the only option.
 *
 * Provider names are case-sensitive lower case; everything after the first `:` belongs to the provider
 * (Ollama tags such as `ollama:llama3.2:3b` keep their colon).
 */
export const PROVIDERS = ['openai', 'anthropic', 'ollama', 'openai-compatible', 'gguf', 'replay'] as const;
export type Provider = (typeof PROVIDERS)[number];

export type Env = Readonly<Record<string, string | undefined>>;

interface SpecBase {
  /** The spec as typed (trimmed). */
  text: string;
  /** From `?mode=…`; undefined means the provider's default. */
  mode?: ModelMode;
}
export interface OpenAISpec extends SpecBase { provider: 'openai'; model: string }
export interface AnthropicSpec extends SpecBase { provider: 'anthropic'; model: string }
export interface OllamaSpec extends SpecBase { provider: 'ollama'; model: string; /** e.g. http://127.0.0.1:11434 */ host: string }
export interface OpenAICompatibleSpec extends SpecBase { provider: 'openai-compatible'; baseURL: string; model: string }
export type GgufSource =
  | { kind: 'file'; path: string }
  | { kind: 'hf'; /** `hf:user/repo/file.gguf` or `hf:user/repo:quant`, as node-llama-cpp takes it */ uri: string; repo: string; file?: string; quant?: string };
export interface GgufSpec extends SpecBase { provider: 'gguf'; source: GgufSource }
export interface ReplaySpec extends SpecBase { provider: 'replay'; path: string }
export type ModelSpec = OpenAISpec | AnthropicSpec | OllamaSpec | OpenAICompatibleSpec | GgufSpec | ReplaySpec;

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
const MODES: readonly ModelMode[] = ['chat', 'completion'];
const PROVIDER_LIST = PROVIDERS.join(', ');
const OPTIONS_SUFFIX = /\?([a-z][a-z-]*=[^?#&=]*(?:&[a-z][a-z-]*=[^?#&=]*)*)$/;

function bad(input: string, message: string): ReliabenchError {
  return new ReliabenchError('BAD_MODEL_SPEC', message, { input });
}

/** Parses a spec string; throws ReliabenchError('BAD_MODEL_SPEC') with a message that shows the fix. */
export function parseModelSpec(input: string, env: Env = process.env): ModelSpec {
  const text = input.trim();
  if (text === '') {
    throw bad(input, `Empty model spec: write provider:model, e.g. ollama:llama3.2 (providers: ${PROVIDER_LIST})`);
  }
  const colon = text.indexOf(':');
  if (colon <= 0) {
    throw bad(input, `Model spec "${text}" has no provider: write provider:model, e.g. ${guessSpec(text)} (providers: ${PROVIDER_LIST})`);
  }
  const provider = text.slice(0, colon);
  if (!isProvider(provider)) {
    throw bad(input, `Unknown model provider "${provider}" in "${text}": use one of ${PROVIDER_LIST}, e.g. openai:gpt-4o-mini`);
  }
  const { rest, mode } = splitOptions(text.slice(colon + 1), text);
  const base: SpecBase = mode === undefined ? { text } : { text, mode };
  switch (provider) {
    case 'openai':
    case 'anthropic':
      return { ...base, provider, model: requireModel(rest, text, provider) };
    case 'ollama':
      return { ...base, provider, model: requireModel(rest, text, provider), host: ollamaHost(env['OLLAMA_HOST']) };
    case 'openai-compatible':
      return { ...base, provider, ...parseCompatible(rest, text) };
    case 'gguf':
      return { ...base, provider, source: parseGguf(rest, text) };
    case 'replay':
      if (rest.trim() === '') throw bad(input, `Model spec "${text}" names no file: e.g. replay:./responses.jsonl`);
      return { ...base, provider, path: rest.trim() };
  }
}

/** The canonical spec string (stable for store keys): provider, target, then `?mode=` when set. */
export function formatModelSpec(spec: ModelSpec): string {
  const suffix = spec.mode === undefined ? '' : `?mode=${spec.mode}`;
  switch (spec.provider) {
    case 'openai':
    case 'anthropic':
    case 'ollama':
      return `${spec.provider}:${spec.model}${suffix}`;
    case 'openai-compatible':
      return `openai-compatible:${spec.baseURL}#${spec.model}${suffix}`;
    case 'gguf':
      return `gguf:${spec.source.kind === 'file' ? spec.source.path : spec.source.uri}${suffix}`;
    case 'replay':
      return `replay:${spec.path}${suffix}`;
  }
}

function isProvider(name: string): name is Provider {
  return (PROVIDERS as readonly string[]).includes(name);
}

function splitOptions(body: string, text: string): { rest: string; mode?: ModelMode } {
  const match = OPTIONS_SUFFIX.exec(body);
  if (!match) return { rest: body };
  let mode: ModelMode | undefined;
  for (const pair of (match[1] as string).split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key !== 'mode') {
      throw bad(text, `Unknown option "${key}" in model spec "${text}": the only option is ?mode=chat or ?mode=completion`);
    }
    if (!(MODES as readonly string[]).includes(value)) {
      throw bad(text, `Unknown mode "${value}" in model spec "${text}": use ?mode=chat or ?mode=completion`);
    }
    mode = value as ModelMode;
  }
  return mode === undefined ? { rest: body.slice(0, match.index) } : { rest: body.slice(0, match.index), mode };
}

function requireModel(rest: string, text: string, provider: string): string {
  const model = rest.trim();
  if (model === '') {
    const example = provider === 'openai' ? 'openai:gpt-4o-mini' : provider === 'anthropic' ? 'anthropic:claude-3-5-sonnet-latest' : 'ollama:llama3.2';
    throw bad(text, `Model spec "${text}" names no model: e.g. ${example}`);
  }
  if (/\s/.test(model)) throw bad(text, `Model name "${model}" in "${text}" contains whitespace: model names have none`);
  return model;
}

const COMPATIBLE_EXAMPLE = 'openai-compatible:http://127.0.0.1:8000/v1#my-model';

function parseCompatible(rest: string, text: string): { baseURL: string; model: string } {
  const hash = rest.indexOf('#');
  const urlText = (hash < 0 ? rest : rest.slice(0, hash)).trim();
  const model = hash < 0 ? '' : rest.slice(hash + 1).trim();
  if (urlText === '') throw bad(text, `Model spec "${text}" has no server URL: write URL#model, e.g. ${COMPATIBLE_EXAMPLE}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) {
    throw bad(text, `"${urlText}" in model spec "${text}" has no http:// or https://: write openai-compatible:http://${urlText}#${model || 'my-model'}`);
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw bad(text, `"${urlText}" in model spec "${text}" is not a URL: write URL#model, e.g. ${COMPATIBLE_EXAMPLE}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad(text, `"${urlText}" in model spec "${text}" is not an http(s) URL: e.g. ${COMPATIBLE_EXAMPLE}`);
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the URL: it holds a credential.
    throw bad(url.origin, 'The openai-compatible URL contains credentials: remove them from the spec and set OPENAI_COMPATIBLE_API_KEY instead');
  }
  if (model === '') throw bad(text, `Model spec "${text}" names no model after the URL: add #model, e.g. ${COMPATIBLE_EXAMPLE}`);
  if (/\s/.test(model)) throw bad(text, `Model name "${model}" in "${text}" contains whitespace: model names have none`);
  return { baseURL: urlText.replace(/\/+$/, ''), model };
}

const GGUF_EXAMPLE = 'gguf:./model.gguf or gguf:hf:<user>/<repo>/<file>.gguf';

function parseGguf(rest: string, text: string): GgufSource {
  const target = rest.trim();
  if (target === '') throw bad(text, `Model spec "${text}" names no model file: e.g. ${GGUF_EXAMPLE}`);
  if (!target.startsWith('hf:')) {
    if (!target.toLowerCase().endsWith('.gguf')) {
      throw bad(text, `"${target}" in model spec "${text}" is not a .gguf file: e.g. ${GGUF_EXAMPLE}`);
    }
    return { kind: 'file', path: target };
  }
  const ref = target.slice(3);
  const quant = /^([^/:\s]+\/[^/:\s]+):([^/:\s]+)$/.exec(ref);
  if (quant) return { kind: 'hf', uri: target, repo: quant[1] as string, quant: quant[2] as string };
  const parts = ref.split('/');
  if (parts.length < 3 || parts.some((p) => p.trim() === '') || !ref.toLowerCase().endsWith('.gguf')) {
    throw bad(text, `"${target}" in model spec "${text}" is not hf:<user>/<repo>/<file>.gguf or hf:<user>/<repo>:<quant>`);
  }
  return { kind: 'hf', uri: target, repo: parts.slice(0, 2).join('/'), file: parts.slice(2).join('/') };
}

/** Mirrors Ollama's own client: no scheme means http and port 11434; an explicit scheme keeps its default port. */
export function ollamaHost(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return DEFAULT_OLLAMA_HOST;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `http://${value}`);
  } catch {
    throw bad(value, `OLLAMA_HOST="${value}" is not a host: set it like 127.0.0.1:11434 or http://gpu-box:11434`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad(value, `OLLAMA_HOST="${value}" is not an http(s) address: set it like 127.0.0.1:11434`);
  }
  if (!hasScheme && url.port === '') url.port = '11434';
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function guessSpec(text: string): string {
  if (/^(gpt|o\d|chatgpt|text-|davinci)/i.test(text)) return `openai:${text}`;
  if (/^claude/i.test(text)) return `anthropic:${text}`;
  if (/\.gguf$/i.test(text)) return `gguf:${text}`;
  if (/\.jsonl$/i.test(text)) return `replay:${text}`;
  return `ollama:${text}`;
}
