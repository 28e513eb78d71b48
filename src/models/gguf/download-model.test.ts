import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import { downloadModelFile, type DownloadModelOptions } from './download-model.js';
import { closedPortUrl, fakeGguf, neverAnswer, serveBytes, startServer, type TestServer } from './test-support/file-server.js';

let dir: string;
let server: TestServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliabench-download-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function failure(options: Partial<DownloadModelOptions> & { url: string }): Promise<ReliabenchError> {
  const dest = join(dir, 'model.gguf');
  const error = await downloadModelFile({ dest, label: 'the test model', ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReliabenchError);
  const e = error as ReliabenchError;
  expect(e.code).toBe('DOWNLOAD_FAILED');
  expect(e.message).not.toContain('\n');
  expect(e.message).toContain('--model gguf:./model.gguf');
  expect(existsSync(dest)).toBe(false);
  return e;
}

describe('downloadModelFile', () => {
  it('streams the file with progress, checks it is GGUF, and leaves no partial file', async () => {
    const body = fakeGguf(300_000);
    server = await startServer(serveBytes(body));
    const dest = join(dir, 'sub', 'model.gguf');
    const events: ProgressEvent[] = [];
    await downloadModelFile({ url: `${server.url}/m.gguf`, dest, label: 'm', onProgress: (e) => events.push({ ...e }) });
    expect((await readFile(dest)).equals(body)).toBe(true);
    expect(existsSync(`${dest}.partial`)).toBe(false);
    expect(events[0]).toEqual({ stage: 'download model.gguf', done: 0, total: 300_000 });
    expect(events.at(-1)).toEqual({ stage: 'download model.gguf', done: 300_000, total: 300_000 });
    expect(events.every((e, i) => i === 0 || e.done >= (events[i - 1]?.done ?? 0))).toBe(true);
  });

  it('resumes a partial file with a Range request', async () => {
    const body = fakeGguf(200_000);
    server = await startServer(serveBytes(body));
    const dest = join(dir, 'model.gguf');
    await writeFile(`${dest}.partial`, body.subarray(0, 120_000));
    const events: ProgressEvent[] = [];
    await downloadModelFile({ url: `${server.url}/m.gguf`, dest, label: 'm', onProgress: (e) => events.push({ ...e }) });
    expect(server.requests[0]?.headers.range).toBe('bytes=120000-');
    expect((await readFile(dest)).equals(body)).toBe(true);
    expect(events[0]).toMatchObject({ done: 120_000, total: 200_000 });
  });

  it('sends the given headers (HF_TOKEN) and follows redirects', async () => {
    const body = fakeGguf(1000);
    server = await startServer((req, res) => {
      if (req.url === '/resolve') res.writeHead(302, { location: '/cdn/file' }).end();
      else serveBytes(body)(req, res);
    });
    const dest = join(dir, 'model.gguf');
    await downloadModelFile({ url: `${server.url}/resolve`, dest, label: 'm', headers: { authorization: 'Bearer secret-token' } });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token');
    expect(server.requests.map((r) => r.path)).toEqual(['/resolve', '/cdn/file']);
  });

  it('a compressed body is checked by its decoded length', async () => {
    const body = fakeGguf(50_000);
    const gzipped = gzipSync(body);
    server = await startServer((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': gzipped.length }).end(gzipped));
    const dest = join(dir, 'model.gguf');
    await downloadModelFile({ url: `${server.url}/m.gguf`, dest, label: 'm' });
    expect((await readFile(dest)).equals(body)).toBe(true);
  });

  it('a refused connection fails at once, naming the alternatives', async () => {
    const started = performance.now();
    const error = await failure({ url: `${await closedPortUrl()}/m.gguf` });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.message).toMatch(/cannot connect \(ECONNREFUSED\)/);
    expect(error.message).toContain('openai-compatible:http://127.0.0.1:8000/v1#model');
    expect(error.message).toContain('openai:gpt-4o-mini with OPENAI_API_KEY');
  });

  it('a server that never answers fails at the first-byte deadline', async () => {
    server = await startServer(neverAnswer);
    const started = performance.now();
    const error = await failure({ url: `${server.url}/m.gguf`, firstByteTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.message).toContain('no data within 0.3 s');
  });

  it('headers without a body also hit the first-byte deadline', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-length': 1000 }).flushHeaders());
    const error = await failure({ url: `${server.url}/m.gguf`, firstByteTimeoutMs: 300 });
    expect(error.message).toContain('no data within 0.3 s');
  });

  it('a stalled body fails at the idle deadline and keeps the partial file for a resume', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': 10_000 });
      res.write(fakeGguf(2000));
    });
    const error = await failure({ url: `${server.url}/m.gguf`, idleTimeoutMs: 300 });
    expect(error.message).toContain('no data for 0.3 s after 2000 bytes');
    expect((await readFile(join(dir, 'model.gguf.partial'))).length).toBe(2000);
  });

  it('HTTP errors, short bodies and non-GGUF files are refused', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/404') res.writeHead(404).end('Not found');
      else if (req.url === '/401') res.writeHead(401).end();
      else if (req.url === '/short') {
        res.writeHead(200, { 'content-length': 5000 });
        res.end(fakeGguf(100));
        res.destroy();
      } else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    });
    expect((await failure({ url: `${server.url}/404` })).message).toContain('HTTP 404 (no such repo or file)');
    expect((await failure({ url: `${server.url}/401` })).message).toContain('HF_TOKEN');
    expect((await failure({ url: `${server.url}/short` })).message).toMatch(/broke after \d+ bytes|received \d+ of 5000/);
    expect((await failure({ url: `${server.url}/html` })).message).toContain('not a GGUF model');
    expect(existsSync(join(dir, 'model.gguf.partial'))).toBe(false);
  });

  it('the caller’s abort ends the download as cancelled', async () => {
    server = await startServer(neverAnswer);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure({ url: `${server.url}/m.gguf`, signal: controller.signal });
    expect(error.message).toContain('cancelled');
  });
});
