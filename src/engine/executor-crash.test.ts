import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { getRun } from '../store/sqlite/runs-repo.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import type { RunSummary } from './run-types.js';
import { saveItems } from '../store/sqlite/items-repo.js';
import { additionItems, count, tempWorkspace } from './test-support/engine-fixtures.js';
import { crashPlan, type CrashRunnerArgs } from './test-support/crash-plan.js';

const RUNNER = fileURLToPath(new URL('./test-support/crash-runner.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const CONCURRENCY = 16;

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts the runner; resolves with its summary, or with 'killed' once `killWhen` returns true (SIGKILL). */
function runChild(args: CrashRunnerArgs, killWhen?: () => boolean): Promise<RunSummary | 'killed'> {
  const child = spawn(process.execPath, ['--import', TSX, RUNNER, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const poll = killWhen === undefined ? undefined : setInterval(() => {
    if (killWhen()) child.kill('SIGKILL');
  }, 5);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (poll !== undefined) clearInterval(poll);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as RunSummary);
      else reject(new Error(`runner exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash and resume', () => {
  it('a 5,000-trial run killed with SIGKILL at three random points ends with 5,000 trials, each once; a re-run costs zero requests', async () => {
    const { db, path } = tempWorkspace();
    let afterCommit = 0;
    const keyOf = new Map<string, unknown[]>();
    const committed = db.prepare('SELECT 1 FROM trials WHERE model_key = ? AND item_id = ? AND template_id = ? AND sample = ?');
    server = await startModelServer({
      faultFor: (request) => {
        const key = keyOf.get(request.prompt);
        if (key !== undefined && committed.get(...key) !== undefined) afterCommit++; // asked again after its trial was stored
        return { kind: 'delay', ms: 3 };
      },
    });
    saveItems(db, await additionItems(500, 99)); // the runner reads its items from the store
    const { plan } = await crashPlan(db, { serverUrl: server.url, concurrency: CONCURRENCY });
    expect(plan.total).toBe(5_000);
    for (const t of plan) keyOf.set(t.prompt, [t.modelKey, t.item.id, t.template.id, t.sample]);
    const args: CrashRunnerArgs = { dbPath: path, serverUrl: server.url, runId: 'crash', concurrency: CONCURRENCY };
    const stored = (): number => count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'crash'");

    const killAt = [0, 1, 2].map((i) => Math.floor(300 + (i + Math.random()) * 1_450)).sort((a, b) => a - b); // one in each third
    const seen: number[] = [];
    for (const threshold of killAt) {
      const outcome = await runChild(args, () => stored() >= threshold);
      expect(outcome, `kill points ${killAt.join(', ')}`).toBe('killed');
      seen.push(stored());
      expect(getRun(db, 'crash')?.status).toBe('running'); // killed mid-run: nothing marked it finished
    }
    expect(seen[2]!).toBeLessThan(5_000);
    const final = await runChild(args);
    expect(final).toMatchObject({ status: 'completed', total: 5_000, done: 5_000, answered: 5_000, errors: 0 });

    expect(stored()).toBe(5_000);
    expect(count(db, "SELECT COUNT(DISTINCT item_id || '/' || template_id || '/' || sample) AS n FROM trials WHERE run_id = 'crash'")).toBe(5_000);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'crash' AND text <> 'echo: ' || prompt")).toBe(0);
    expect(afterCommit).toBe(0);
    // only requests in flight at a kill were asked twice: at most the concurrency, three times
    const asked = server.requestCount;
    expect(asked).toBeGreaterThanOrEqual(5_000);
    expect(asked - 5_000, `kill points ${killAt.join(', ')}`).toBeLessThanOrEqual(3 * CONCURRENCY);
    expect(new Set(server.requests.map((r) => r.prompt)).size).toBe(5_000);

    const rerun = await runChild({ ...args, runId: 'again' });
    expect(rerun).toMatchObject({ status: 'completed', done: 5_000, cached: 5_000, sessionRequests: 0 });
    expect(server.requestCount).toBe(asked);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE run_id = 'again' AND cached = 1 AND attempts = 0")).toBe(5_000);
  }, 180_000); // ~30 s on an idle 2-core machine; generous for a loaded one
});
