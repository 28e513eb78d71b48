import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedModelPath, hfEndpoint, hfFileUrl, hfHeaders, hfTreeUrl, modelCacheDir } from './model-cache.js';

describe('model cache folder', () => {
  it('prefers RELIABENCH_CACHE_DIR, then XDG_CACHE_HOME/reliabench, then ~/.cache/reliabench; always models/', () => {
    expect(modelCacheDir({ RELIABENCH_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/models');
    expect(modelCacheDir({ RELIABENCH_CACHE_DIR: '  ', XDG_CACHE_HOME: '/x' })).toBe('/x/reliabench/models');
    expect(modelCacheDir({})).toBe(join(homedir(), '.cache', 'reliabench', 'models'));
    expect(modelCacheDir({ RELIABENCH_CACHE_DIR: 'rel' })).toBe(resolve('rel', 'models'));
  });

  it('keeps one folder per repo', () => {
    expect(cachedModelPath('/c/models', 'Qwen/Qwen2.5-0.5B-Instruct-GGUF', 'qwen2.5-0.5b-instruct-q4_k_m.gguf')).toBe(
      '/c/models/Qwen--Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    );
  });
});

describe('Hugging Face endpoint', () => {
  it('defaults to huggingface.co; RELIABENCH_HF_ENDPOINT beats HF_ENDPOINT', () => {
    expect(hfEndpoint({})).toBe('https://huggingface.co');
    expect(hfEndpoint({ HF_ENDPOINT: 'https://mirror.example/' })).toBe('https://mirror.example');
    expect(hfEndpoint({ HF_ENDPOINT: 'https://mirror.example', RELIABENCH_HF_ENDPOINT: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });

  it('builds resolve and tree URLs with encoded segments', () => {
    expect(hfFileUrl('https://huggingface.co', 'u/r', 'dir/a b.gguf')).toBe('https://huggingface.co/u/r/resolve/main/dir/a%20b.gguf');
    expect(hfTreeUrl('https://huggingface.co', 'u/r')).toBe('https://huggingface.co/api/models/u/r/tree/main');
  });

  it('sends HF_TOKEN only when set', () => {
    expect(hfHeaders({})).toEqual({});
    expect(hfHeaders({ HF_TOKEN: ' t ' })).toEqual({ authorization: 'Bearer t' });
  });
});
