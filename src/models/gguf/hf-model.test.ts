import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import { pickQuantFile, resolveHfModel, type HfSource } from './hf-model.js';
import { fakeGguf, serveBytes, startServer, type TestServer } from './test-support/file-server.js';
import { ggufSpec } from './test-support/tiny-model.js';

function source(text: string): HfSource {
  const spec = ggufSpec(`gguf:${text}`);
  if (spec.source.kind !== 'hf') throw new Error('not hf');
  return spec.source;
}

const offline = (() => Promise.reject(new Error('offline: this test must not touch the network'))) as typeof fetch;

let cacheDir: string;
let server: TestServer | undefined;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'reliabench-hf-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

describe('resolveHfModel', () => {
  it('downloads hf:<user>/<repo>/<file> from the endpoint into <cache>/<user>--<repo>/, with HF_TOKEN', async () => {
    const body = fakeGguf(5000);
    server = await startServer(serveBytes(body));
    const env = { RELIABENCH_HF_ENDPOINT: server.url, HF_TOKEN: 'hf_secret' };
    const path = await resolveHfModel(source('hf:some-user/Some-Repo-GGUF/sub dir/model-q4_k_m.gguf'), { env, cacheDir });
    expect(path).toBe(join(cacheDir, 'some-user--Some-Repo-GGUF', 'sub dir', 'model-q4_k_m.gguf'));
    expect((await readFile(path)).equals(body)).toBe(true);
    expect(server.requests[0]?.path).toBe('/some-user/Some-Repo-GGUF/resolve/main/sub%20dir/model-q4_k_m.gguf');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer hf_secret');
  });

  it('uses the cached file without any network', async () => {
    const cached = join(cacheDir, 'u--r', 'm.gguf');
    await mkdir(join(cacheDir, 'u--r'), { recursive: true });
    await writeFile(cached, fakeGguf(100));
    expect(await resolveHfModel(source('hf:u/r/m.gguf'), { cacheDir, fetch: offline })).toBe(cached);
  });

  it('hf:<user>/<repo>:<quant> picks the file from the repo listing and remembers it for offline use', async () => {
    const body = fakeGguf(2000);
    server = await startServer((req, res) => {
      if (req.url === '/api/models/u/r/tree/main') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify([
          { type: 'file', path: 'README.md' },
          { type: 'file', path: 'r-Q8_0.gguf' },
          { type: 'file', path: 'r-Q4_K_M.gguf' },
          { type: 'file', path: 'mmproj-r-Q4_K_M.gguf' },
        ]));
      } else serveBytes(body)(req, res);
    });
    const env = { RELIABENCH_HF_ENDPOINT: server.url };
    const path = await resolveHfModel(source('hf:u/r:q4_k_m'), { env, cacheDir });
    expect(path).toBe(join(cacheDir, 'u--r', 'r-Q4_K_M.gguf'));
    expect(server.requests.map((r) => r.path)).toEqual(['/api/models/u/r/tree/main', '/u/r/resolve/main/r-Q4_K_M.gguf']);
    expect(await resolveHfModel(source('hf:u/r:Q4_K_M'), { env, cacheDir, fetch: offline })).toBe(path);
  });

  it('a listing that never comes fails at the deadline, naming the alternatives', async () => {
    server = await startServer(() => undefined);
    const error = await resolveHfModel(source('hf:u/r:Q4_K_M'), { env: { RELIABENCH_HF_ENDPOINT: server.url }, cacheDir, firstByteTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReliabenchError);
    expect((error as ReliabenchError).code).toBe('DOWNLOAD_FAILED');
    expect((error as ReliabenchError).message).toContain('no answer within 0.2 s');
    expect((error as ReliabenchError).message).toContain('--model gguf:./model.gguf');
  });

  it('refuses file paths that would leave the cache', async () => {
    for (const text of ['hf:u/r/../../../etc/passwd.gguf', 'hf:u/r/./x.gguf']) {
      const error = await resolveHfModel(source(text), { cacheDir, fetch: offline }).catch((e: unknown) => e);
      expect((error as ReliabenchError).code).toBe('BAD_MODEL_SPEC');
    }
    expect(existsSync(join(cacheDir, '..', 'etc'))).toBe(false);
  });
});

describe('pickQuantFile', () => {
  const files = ['a/Model-Q4_K_M.gguf', 'Model-Q4_K_M.gguf', 'Model-Q4_K_M_L.gguf', 'Model-IQ4_K_M.gguf', 'Model-Q8_0.gguf', 'big-Q5_K_M-00001-of-00002.gguf', 'big-Q5_K_M-00002-of-00002.gguf'];

  it('matches the quant as a whole word, case-insensitively, preferring the shortest path', () => {
    expect(pickQuantFile(files, 'q4_k_m', 'x')).toBe('Model-Q4_K_M.gguf');
    expect(pickQuantFile(files, 'Q8_0', 'x')).toBe('Model-Q8_0.gguf');
    expect(pickQuantFile(files, 'IQ4_K_M', 'x')).toBe('Model-IQ4_K_M.gguf');
  });

  it('explains a missing or split-only quant', () => {
    expect(() => pickQuantFile(files, 'Q2_K', 'spec')).toThrow(/quant Q2_K is not there.*files: a\/Model-Q4_K_M.gguf/);
    expect(() => pickQuantFile(files, 'Q5_K_M', 'spec')).toThrow(/only split into parts/);
  });
});
