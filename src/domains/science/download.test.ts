import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressEvent } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import { resolveScienceData, type Env } from './data-path.js';
import { loadScienceBank } from './question-bank.js';
import { listScienceFiles } from './data-files.js';
import { arcZip, mmluTar } from './test-support/upstream-archives.js';
import { realScienceDataPath } from './test-support/science-data.js';

const DATA = realScienceDataPath();
let server: Server;
let base: string;
let deadPort: number;
let tmp: string;

beforeAll(async () => {
  const zip = arcZip(DATA);
  const tar = mmluTar(DATA);
  const partialZip = arcZip(DATA, ['ARC-Easy-Train.csv']);
  server = createServer((req, res) => {
    switch (req.url) {
      case '/arc.zip':
        res.writeHead(200, { 'content-length': zip.length, 'content-type': 'application/zip' });
        res.end(zip);
        return;
      case '/partial.zip':
        res.end(partialZip);
        return;
      case '/data.tar': // chunked, no Content-Length
        res.writeHead(200, { 'content-type': 'application/x-tar' });
        res.write(tar.subarray(0, 4096));
        setTimeout(() => res.end(tar.subarray(4096)), 20);
        return;
      case '/stall.zip': // headers and a first chunk, then nothing
        res.writeHead(200, { 'content-length': zip.length });
        res.write(zip.subarray(0, 1000));
        return;
      case '/hang': // never answers
        return;
      default:
        res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // a port with nothing listening: open one, note it, close it
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  deadPort = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
  tmp = await mkdtemp(join(tmpdir(), 'reliabench-download-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await rm(tmp, { recursive: true, force: true });
});

async function freshCache(name: string): Promise<string> {
  return join(tmp, name);
}

function env(cacheRoot: string, extra: Env = {}): Env {
  return { RELIABENCH_CACHE_DIR: cacheRoot, RELIABENCH_ARC_URL: `${base}/arc.zip`, RELIABENCH_MMLU_URL: `${base}/data.tar`, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<ReliabenchError> {
  const e = await promise.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ReliabenchError);
  return e as ReliabenchError;
}

describe('downloading the science data on first use', () => {
  it('downloads, extracts only the science CSVs into the cache, and the bank matches the local files', async () => {
    const root = await freshCache('ok');
    const events: ProgressEvent[] = [];
    const files = await resolveScienceData({ env: env(root), onProgress: (e) => events.push(e) });
    expect(files.dir).toBe(join(root, 'science'));
    expect(files.arc).toHaveLength(6);
    expect(files.mmlu).toHaveLength(12);
    expect((await readdir(root)).sort()).toEqual(['science']); // no temp folders left
    expect((await readdir(join(root, 'science', 'mmlu'))).sort()).not.toContain('marketing_test.csv');

    const arcEvents = events.filter((e) => e.stage === 'download ARC');
    const last = arcEvents[arcEvents.length - 1];
    expect(last?.total).toBeGreaterThan(0);
    expect(last?.done).toBe(last?.total);
    const mmluEvents = events.filter((e) => e.stage === 'download MMLU');
    expect(mmluEvents.every((e) => e.total === 0)).toBe(true);
    expect(mmluEvents[mmluEvents.length - 1]?.done).toBeGreaterThan(0);

    const downloaded = await loadScienceBank(files);
    const local = await loadScienceBank(await listScienceFiles(DATA));
    const content = (b: typeof local) => b.questions.map((q) => [q.bank, q.stem, q.options, q.answerIndex, q.difficulty]);
    expect(downloaded.stats).toEqual(local.stats);
    expect(content(downloaded)).toEqual(content(local));

    // a second run uses the cache: the URLs now point nowhere and it still works
    const again = await resolveScienceData({ env: env(root, { RELIABENCH_ARC_URL: `http://127.0.0.1:${deadPort}/x.zip` }) });
    expect(again.dir).toBe(files.dir);
  });

  it('fails fast when nothing listens, naming the fix, and leaves no cache behind', async () => {
    const root = await freshCache('refused');
    const started = Date.now();
    const e = await failure(resolveScienceData({ env: env(root, { RELIABENCH_ARC_URL: `http://127.0.0.1:${deadPort}/arc.zip` }) }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.code).toBe('DOWNLOAD_FAILED');
    expect(e.message).toMatch(/ECONNREFUSED.*looks offline.*--science-data.*RELIABENCH_SCIENCE_DATA/);
    expect(await readdir(root)).toEqual([]);
  });

  it('gives up on a server that never answers within the deadline', async () => {
    const root = await freshCache('hang');
    const started = Date.now();
    const e = await failure(
      resolveScienceData({ env: env(root, { RELIABENCH_ARC_URL: `${base}/hang`, RELIABENCH_DOWNLOAD_TIMEOUT_MS: '300' }) }),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
    expect(e.message).toMatch(/no response within 0\.3 s — this machine looks offline; pass --science-data/);
    expect(await readdir(root)).toEqual([]);
  });

  it('gives up when the body stalls, and keeps no half cache', async () => {
    const root = await freshCache('stall');
    const e = await failure(
      resolveScienceData({ env: env(root, { RELIABENCH_ARC_URL: `${base}/stall.zip`, RELIABENCH_DOWNLOAD_IDLE_MS: '300' }) }),
    );
    expect(e.code).toBe('DOWNLOAD_FAILED');
    expect(e.message).toMatch(/no data for 0\.3 s after 1000 bytes/);
    expect(await readdir(root)).toEqual([]);
  });

  it('reports an HTTP error and an archive without the expected files', async () => {
    const missing = await failure(resolveScienceData({ env: env(await freshCache('404'), { RELIABENCH_MMLU_URL: `${base}/nope.tar` }) }));
    expect(missing.message).toMatch(/nope\.tar: the server answered HTTP 404/);
    const partial = await failure(resolveScienceData({ env: env(await freshCache('partial'), { RELIABENCH_ARC_URL: `${base}/partial.zip` }) }));
    expect(partial.code).toBe('DOWNLOAD_FAILED');
    expect(partial.message).toMatch(/partial\.zip has no ARC-Easy-Dev\.csv/);
    expect(await readdir(join(tmp, 'partial'))).toEqual([]);
  });
});
