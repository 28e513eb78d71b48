import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { additionItems, count, planFor, tempWorkspace } from '../engine/test-support/engine-fixtures.js';
import { getRun } from '../store/sqlite/runs-repo.js';
import { REPO_ROOT } from '../test-support/paths.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { startRedis, type RedisServer } from '../test-support/redis-server.js';
import Database from 'better-sqlite3';
import { executeQueuedRun } from './coordinator.js';
import { specEntry, startWorkers, targetOf, waitFor } from './test-support/queue-fixtures.js';

const TEMPLATES = Array.from({ length: 10 }, (_, i) => `addition-${String(i + 1).padStart(2, '0')}`);
const TSX = import.meta.resolve('tsx');

let redis: RedisServer | undefined;
let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  await redis?.stop();
  server = undefined;
  redis = undefined;
});

describe('restarts during a queued run', () => {
  it('a coordinator killed with SIGKILL and started again re-attaches to the queue and finishes; no trial is asked twice', async () => {
    redis = await startRedis();
    server = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 2 }) });
    const cwd = mkdtempSync(join(tmpdir(), 'rb-queue-coord-'));
    const workspace = join(cwd, 'ws.sqlite');
    const args = ['run', '--queue', redis.url, '--model', `openai-compatible:${server.url}/v1#m?mode=completion`, '--domains', 'addition', '--per-domain', '150',
      '--templates', TEMPLATES.join(','), '--workspace', 'ws.sqlite', '--quiet'];
    const stored = (): number => {
      try {
        const db = new Database(workspace, { readonly: true, fileMustExist: true });
        try {
          return db.prepare('SELECT COUNT(*) FROM trials').pluck().get() as number;
        } finally {
          db.close();
        }
      } catch {
        return 0;
      }
    };
    const workers = startWorkers(2, targetOf(redis.url), { concurrency: 8 });
    try {
      const first = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], { cwd, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => first.once('exit', (_code, signal) => resolve(signal)));
      await waitFor(() => stored() >= 400, '400 stored trials');
      first.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const atKill = stored();
      expect(atKill).toBeLessThan(1_500);

      const again = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      again.stdout.on('data', (d: Buffer) => (out += d.toString()));
      again.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => again.once('exit', (c) => resolve(c)));
      expect(code, out).toBe(0);
      expect(out).toMatch(/completed — 1500\/1500 trials \(1500 answered/);
    } finally {
      await workers.stop();
    }
    expect(stored()).toBe(1_500);
    const db = new Database(workspace, { readonly: true });
    expect(db.prepare("SELECT COUNT(DISTINCT item_id || '/' || template_id || '/' || sample) FROM trials").pluck().get()).toBe(1_500);
    db.close();
    // The workers never stopped: every enqueued trial ran once; results finished while the coordinator was down were recorded after it came back.
    expect(server.requestCount).toBe(1_500);
    expect(new Set(server.requests.map((r) => r.prompt)).size).toBe(1_500);
  }, 240_000);

  it('a Redis restarted empty mid-run: the coordinator enqueues the lost trials again and the run completes with each trial once', async () => {
    redis = await startRedis();
    server = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 3 }) });
    const { db } = tempWorkspace();
    const model = await specEntry('m', 'openai-compatible completion', server.url);
    const plan = planFor(await additionItems(150, 'queue-redis-restart'), [model], { templateIds: TEMPLATES });
    const notices: string[] = [];
    const workers = startWorkers(2, targetOf(redis.url), { concurrency: 8 });
    const stored = (): number => count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'rr'");
    const running = executeQueuedRun(db, { runId: 'rr', models: [model], trials: plan }, { target: targetOf(redis.url), window: 500, onNotice: (l) => notices.push(l) });
    await waitFor(() => stored() >= 400, '400 stored trials');
    await redis.restart();
    const summary = await running;
    await workers.stop();
    expect(summary).toMatchObject({ status: 'completed', total: 1_500, done: 1_500, answered: 1_500, errors: 0 });
    expect(notices.some((n) => /lost this run's queue \(restarted without persistence\?\): enqueueing the \d+ trials in progress again/.test(n))).toBe(true);
    expect(count(db, "SELECT COUNT(DISTINCT item_id || '/' || template_id || '/' || sample) AS n FROM trials WHERE run_id = 'rr'")).toBe(1_500);
    expect(new Set(server.requests.map((r) => r.prompt)).size).toBe(1_500);
    expect(server.requestCount).toBeGreaterThanOrEqual(1_500); // trials whose jobs Redis lost were asked again
  }, 240_000);

  it('a Redis that stays away fails the run with one line saying what to do; nothing stored is lost and the run resumes later', async () => {
    redis = await startRedis();
    server = await startModelServer({ faultFor: () => ({ kind: 'delay', ms: 3 }) });
    const { db } = tempWorkspace();
    const model = await specEntry('m', 'openai-compatible completion', server.url);
    const plan = planFor(await additionItems(100, 'queue-redis-gone'), [model], { templateIds: TEMPLATES });
    const workers = startWorkers(1, targetOf(redis.url), { concurrency: 4 });
    try {
      const stored = (): number => count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'gone'");
      const running = executeQueuedRun(db, { runId: 'gone', models: [model], trials: plan }, { target: targetOf(redis.url), redisTimeoutMs: 1_500 });
      await waitFor(() => stored() >= 100, '100 stored trials');
      await redis.kill();
      const failed = await running;
      expect(failed.status).toBe('failed');
      expect(failed.reason).toMatch(new RegExp(`^lost Redis at ${redis.url.replace(/[./]/g, '\\$&')}: no answer for 2 s while [a-z ]+; the \\d+ trials stored so far are kept — start Redis again and run the same command to resume$`));
      expect(getRun(db, 'gone')?.status).toBe('failed');
      const kept = stored();
      expect(kept).toBe(failed.done);

      await redis.restart();
      const resumed = await executeQueuedRun(db, { runId: 'gone', models: [model], trials: plan }, { target: targetOf(redis.url) });
      expect(resumed).toMatchObject({ status: 'completed', done: 1_000, answered: 1_000 });
      expect(count(db, "SELECT COUNT(DISTINCT item_id || '/' || template_id || '/' || sample) AS n FROM trials WHERE run_id = 'gone'")).toBe(1_000);
    } finally {
      await workers.stop();
    }
  }, 240_000);
});
