import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';
import type { Env } from '../model-spec.js';

/** Where `hf:` model files come from; RELIABENCH_HF_ENDPOINT (or Hugging Face's own HF_ENDPOINT) moves it, e.g. to a mirror. */
export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

/** What a person can do instead when a model cannot be downloaded: one clause, used in every such message. */
export const MODEL_ALTERNATIVES =
  'use a local file (--model gguf:./model.gguf), an OpenAI-compatible server (--model openai-compatible:http://127.0.0.1:8000/v1#model) ' +
  'or a hosted API (--model openai:gpt-4o-mini with OPENAI_API_KEY set)';

function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** `$RELIABENCH_CACHE_DIR`, else `$XDG_CACHE_HOME/reliabench`, else `~/.cache/reliabench`; then `models/`. */
export function modelCacheDir(env: Env = process.env): string {
  const explicit = envValue(env, 'RELIABENCH_CACHE_DIR');
  const xdg = envValue(env, 'XDG_CACHE_HOME');
  const root = explicit ?? (xdg ? join(xdg, 'reliabench') : join(homedir(), '.cache', 'reliabench'));
  return resolve(root, 'models');
}

export function hfEndpoint(env: Env = process.env): string {
  const raw = envValue(env, 'RELIABENCH_HF_ENDPOINT') ?? envValue(env, 'HF_ENDPOINT') ?? DEFAULT_HF_ENDPOINT;
  return raw.replace(/\/+$/, '');
}

/** An Authorization header from HF_TOKEN (gated repos); the value is never put in a message. */
export function hfHeaders(env: Env = process.env): Record<string, string> {
  const token = envValue(env, 'HF_TOKEN');
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

/** Repo and file path segments, checked so a spec cannot name a path outside the cache. */
function segments(text: string, what: string, input: string): string[] {
  const parts = text.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
    throw new ReliabenchError('BAD_MODEL_SPEC', `${input}: the ${what} "${text}" has an empty, "." or ".." segment: write hf:<user>/<repo>/<file>.gguf`, { input });
  }
  return parts;
}

/** `<cache>/models/<user>--<repo>/<file>`: one folder per Hugging Face repo. */
export function cachedModelPath(cacheDir: string, repo: string, file: string, input: string = `hf:${repo}/${file}`): string {
  return join(cacheDir, repoFolder(repo, input), ...segments(file, 'file', input));
}

export function repoFolder(repo: string, input: string = `hf:${repo}`): string {
  return segments(repo, 'repo', input).join('--');
}

/** `https://huggingface.co/<user>/<repo>/resolve/main/<file>` (each segment URL-encoded). */
export function hfFileUrl(endpoint: string, repo: string, file: string): string {
  const encode = (path: string): string => path.split('/').map(encodeURIComponent).join('/');
  return `${endpoint}/${encode(repo)}/resolve/main/${encode(file)}`;
}

/** The repo's file list (for `hf:<user>/<repo>:<quant>`). */
export function hfTreeUrl(endpoint: string, repo: string): string {
  return `${endpoint}/api/models/${repo.split('/').map(encodeURIComponent).join('/')}/tree/main`;
}
