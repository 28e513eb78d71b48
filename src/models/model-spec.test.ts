import { describe, expect, it } from 'vitest';
import { ReliabenchError } from '../core/errors.js';
import { formatModelSpec, ollamaHost, parseModelSpec, type ModelSpec } from './model-spec.js';

/** A spec without its `text`, per provider (Omit over a union is not distributive). */
type SpecFields = { [P in ModelSpec['provider']]: Omit<Extract<ModelSpec, { provider: P }>, 'text'> }[ModelSpec['provider']];

const VALID: [string, SpecFields][] = [
  ['openai:gpt-4o-mini', { provider: 'openai', model: 'gpt-4o-mini' }],
  ['anthropic:claude-3-5-sonnet-latest', { provider: 'anthropic', model: 'claude-3-5-sonnet-latest' }],
  ['ollama:llama3.2', { provider: 'ollama', model: 'llama3.2', host: 'http://127.0.0.1:11434' }],
  ['ollama:llama3.2:3b-instruct-q4_K_M', { provider: 'ollama', model: 'llama3.2:3b-instruct-q4_K_M', host: 'http://127.0.0.1:11434' }],
  ['openai-compatible:http://127.0.0.1:8000/v1#my-model', { provider: 'openai-compatible', baseURL: 'http://127.0.0.1:8000/v1', model: 'my-model' }],
  ['openai-compatible:https://api.example.com/v1/#org/model-7b', { provider: 'openai-compatible', baseURL: 'https://api.example.com/v1', model: 'org/model-7b' }],
  ['gguf:./model.gguf', { provider: 'gguf', source: { kind: 'file', path: './model.gguf' } }],
  [
    'gguf:hf:bartowski/Llama-3.2-1B-Instruct-GGUF/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    { provider: 'gguf', source: { kind: 'hf', uri: 'hf:bartowski/Llama-3.2-1B-Instruct-GGUF/Llama-3.2-1B-Instruct-Q4_K_M.gguf', repo: 'bartowski/Llama-3.2-1B-Instruct-GGUF', file: 'Llama-3.2-1B-Instruct-Q4_K_M.gguf' } },
  ],
  ['gguf:hf:user/repo:Q4_K_M', { provider: 'gguf', source: { kind: 'hf', uri: 'hf:user/repo:Q4_K_M', repo: 'user/repo', quant: 'Q4_K_M' } }],
  ['replay:./responses.jsonl', { provider: 'replay', path: './responses.jsonl' }],
  ['  openai:gpt-4o  ', { provider: 'openai', model: 'gpt-4o' }],
  ['ollama:llama3.2?mode=completion', { provider: 'ollama', model: 'llama3.2', host: 'http://127.0.0.1:11434', mode: 'completion' }],
  ['openai:gpt-4o?mode=chat', { provider: 'openai', model: 'gpt-4o', mode: 'chat' }],
  [
    'openai-compatible:http://h:8000/v1?api-version=2#base?mode=completion',
    { provider: 'openai-compatible', baseURL: 'http://h:8000/v1?api-version=2', model: 'base', mode: 'completion' },
  ],
  ['gguf:./tiny.gguf?mode=completion', { provider: 'gguf', source: { kind: 'file', path: './tiny.gguf' }, mode: 'completion' }],
];

describe('parseModelSpec: valid specs', () => {
  it.each(VALID)('%s', (text, expected) => {
    const spec = parseModelSpec(text, {});
    expect(spec).toEqual({ ...expected, text: text.trim() });
    // The canonical form parses back to the same spec.
    expect(parseModelSpec(formatModelSpec(spec), {})).toEqual({ ...spec, text: formatModelSpec(spec) });
  });

  it('takes the Ollama host from OLLAMA_HOST the way Ollama does', () => {
    expect((parseModelSpec('ollama:m', { OLLAMA_HOST: 'gpu-box' }) as { host: string }).host).toBe('http://gpu-box:11434');
    expect(ollamaHost('0.0.0.0:8080')).toBe('http://0.0.0.0:8080');
    expect(ollamaHost('https://ollama.example.com')).toBe('https://ollama.example.com');
    expect(ollamaHost('http://10.0.0.5:11434/')).toBe('http://10.0.0.5:11434');
    expect(ollamaHost('  ')).toBe('http://127.0.0.1:11434');
  });
});

const MALFORMED: [string, RegExp][] = [
  ['', /Empty model spec: write provider:model, e\.g\. ollama:llama3\.2 \(providers: openai, anthropic, ollama, openai-compatible, gguf, replay\)/],
  ['gpt-4o', /has no provider.*e\.g\. openai:gpt-4o/],
  ['claude-3-opus', /e\.g\. anthropic:claude-3-opus/],
  ['mistral:7b', /Unknown model provider "mistral".*use one of openai, anthropic, ollama, openai-compatible, gguf, replay/],
  ['OpenAI:gpt-4o', /Unknown model provider "OpenAI"/],
  [':gpt-4o', /has no provider/],
  ['openai:', /names no model: e\.g\. openai:gpt-4o-mini/],
  ['anthropic:  ', /names no model: e\.g\. anthropic:claude-3-5-sonnet-latest/],
  ['ollama:llama 3', /contains whitespace/],
  ['openai-compatible:http://127.0.0.1:8000/v1', /add #model, e\.g\. openai-compatible:http:\/\/127\.0\.0\.1:8000\/v1#my-model/],
  ['openai-compatible:#my-model', /has no server URL/],
  ['openai-compatible:127.0.0.1:8000#m', /has no http:\/\/ or https:\/\/: write openai-compatible:http:\/\/127\.0\.0\.1:8000#m/],
  ['openai-compatible:localhost:8000/v1#m', /write openai-compatible:http:\/\/localhost:8000\/v1#m/],
  ['openai-compatible:http://exa mple.com/v1#m', /is not a URL/],
  ['openai-compatible:ftp://host/v1#m', /not an http\(s\) URL/],
  ['gguf:', /names no model file/],
  ['gguf:./model.bin', /is not a \.gguf file/],
  ['gguf:hf:user/model', /is not hf:<user>\/<repo>\/<file>\.gguf or hf:<user>\/<repo>:<quant>/],
  ['replay:', /names no file: e\.g\. replay:\.\/responses\.jsonl/],
  ['ollama:llama3.2?mode=raw', /Unknown mode "raw".*use \?mode=chat or \?mode=completion/],
  ['ollama:llama3.2?temperature=0', /Unknown option "temperature".*the only option is \?mode=chat or \?mode=completion/],
];

describe('parseModelSpec: malformed specs', () => {
  it.each(MALFORMED)('%j', (text, message) => {
    let caught: unknown;
    try {
      parseModelSpec(text, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReliabenchError);
    expect((caught as ReliabenchError).code).toBe('BAD_MODEL_SPEC');
    expect((caught as ReliabenchError).message).toMatch(message);
    expect((caught as ReliabenchError).message).not.toContain('\n');
  });

  it('never echoes credentials put in an openai-compatible URL', () => {
    const secret = 'hunter2-secret-password';
    const error = (() => {
      try {
        parseModelSpec(`openai-compatible:https://me:${secret}@host.example/v1#m`, {});
      } catch (e) {
        return e as ReliabenchError;
      }
      throw new Error('expected a failure');
    })();
    expect(error.message).toMatch(/OPENAI_COMPATIBLE_API_KEY/);
    expect(`${error.message} ${error.input}`).not.toContain(secret);
  });

  it('rejects an OLLAMA_HOST that is not a host', () => {
    expect(() => parseModelSpec('ollama:m', { OLLAMA_HOST: 'http://[bad' })).toThrow(/OLLAMA_HOST="http:\/\/\[bad" is not a host/);
  });
});
