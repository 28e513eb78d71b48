import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import type { Env, GgufSource } from '../model-spec.js';
import { Deadline, downloadFailed, downloadModelFile, FIRST_BYTE_TIMEOUT_MS, type DeadlineOptions } from './download-model.js';
import { cachedModelPath, hfEndpoint, hfFileUrl, hfHeaders, hfTreeUrl, modelCacheDir, repoFolder } from './model-cache.js';

export type HfSource = Extract<GgufSource, { kind: 'hf' }>;

export interface HfResolveOptions extends DeadlineOptions {
  /** RELIABENCH_CACHE_DIR, XDG_CACHE_HOME, RELIABENCH_HF_ENDPOINT / HF_ENDPOINT, HF_TOKEN. Default process.env. */
  env?: Env;
  /** Default `modelCacheDir(env)`. */
  cacheDir?: string;
  /** Download progress, for the CLI's bar. */
  onProgress?: (event: ProgressEvent) => void;
  /** Names the model in messages; default the spec's `hf:` text. */
  label?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The local path of an `hf:` model: the cached file when it is there (no network at all), else a
 * download into the cache with its own deadlines (downloadModelFile).
 */
export async function resolveHfModel(source: HfSource, options: HfResolveOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const cacheDir = options.cacheDir ?? modelCacheDir(env);
  const endpoint = hfEndpoint(env);
  const headers = { ...hfHeaders(env), ...options.headers };
  const label = options.label ?? source.uri;
  const file = source.file ?? (await fileForQuant(source, cacheDir, endpoint, { ...options, headers, label }));
  const dest = cachedModelPath(cacheDir, source.repo, file, source.uri);
  if (await isFile(dest)) return dest;
  await downloadModelFile({ ...options, headers, label, url: hfFileUrl(endpoint, source.repo, file), dest });
  return dest;
}

/** `hf:<user>/<repo>:<quant>`: the repo's one non-split .gguf file for that quant, remembered in the cache. */
async function fileForQuant(
  source: HfSource,
  cacheDir: string,
  endpoint: string,
  options: DeadlineOptions & { label: string },
): Promise<string> {
  const quant = source.quant ?? '';
  const marker = join(cacheDir, repoFolder(source.repo, source.uri), `.quant-${quant.toUpperCase()}`);
  try {
    const remembered = (await readFile(marker, 'utf8')).trim();
    if (remembered !== '' && (await isFile(cachedModelPath(cacheDir, source.repo, remembered, source.uri)))) return remembered;
  } catch {
    // not resolved before
  }
  const files = await listRepoFiles(hfTreeUrl(endpoint, source.repo), options);
  const file = pickQuantFile(files, quant, source.uri);
  await mkdir(join(cacheDir, repoFolder(source.repo, source.uri)), { recursive: true });
  await writeFile(marker, `${file}\n`);
  return file;
}

async function listRepoFiles(url: string, options: DeadlineOptions & { label: string }): Promise<string[]> {
  const deadline = new Deadline(options.signal);
  const ms = options.firstByteTimeoutMs ?? FIRST_BYTE_TIMEOUT_MS;
  deadline.arm(ms, `no answer within ${ms / 1000} s — this machine looks offline`);
  let body: unknown;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, { headers: options.headers ?? {}, signal: deadline.signal });
    if (!response.ok) throw downloadFailed(options.label, url, `listing the repo's files answered HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    if (error instanceof ReliabenchError) throw error;
    throw downloadFailed(options.label, url, deadline.expired ?? `listing the repo's files failed (${error instanceof Error ? error.message : String(error)})`, error);
  } finally {
    deadline.disarm();
  }
  if (!Array.isArray(body)) throw downloadFailed(options.label, url, "the repo's file list is not a JSON array");
  return body.flatMap((entry: unknown) => {
    const e = entry as { type?: unknown; path?: unknown };
    return e.type === 'file' && typeof e.path === 'string' ? [e.path] : [];
  });
}

const SPLIT = /-\d{5}-of-\d{5}\.gguf$/i;

/** Exported for tests: the shortest non-split, non-projector .gguf whose name carries the quant as a word. */
export function pickQuantFile(files: readonly string[], quant: string, input: string): string {
  const escaped = quant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[-_.])${escaped}([-_.]|$)`, 'i');
  const ggufs = files.filter((f) => /\.gguf$/i.test(f) && !/mmproj/i.test(f));
  const matching = ggufs.filter((f) => word.test((f.split('/').at(-1) ?? f).replace(/\.gguf$/i, '')));
  const whole = matching.filter((f) => !SPLIT.test(f)).sort((a, b) => a.length - b.length || a.localeCompare(b));
  if (whole[0] !== undefined) return whole[0];
  const listed = ggufs.slice(0, 8).join(', ') || 'none';
  const why = matching.length > 0 ? 'is only split into parts, which reliabench does not join' : 'is not there';
  throw new ReliabenchError(
    'BAD_MODEL_SPEC',
    `${input}: a .gguf file for quant ${quant} ${why}; name one file instead, e.g. gguf:hf:<user>/<repo>/<file>.gguf (files: ${listed})`,
    { input },
  );
}
