import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../models/create-adapter.js';
import { TEST_API_KEY } from '../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import { executeRun } from './executor.js';
import { additionItems, count, entry, FAST_BACKOFF, planFor, tempWorkspace } from './test-support/engine-fixtures.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every byte of the store: the database file, its write-ahead log and shared memory. */
function storeBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
}

describe('secrets never reach the store', () => {
  it('a run with API keys in the environment leaves no trace of them in the SQLite file or its WAL', async () => {
    let n = 0;
    server = await startModelServer({
      apiKey: TEST_API_KEY,
      // the server misbehaves: it echoes the request headers (with the key) in errors and in answers
      faultFor: () => (++n % 5 === 0 ? { kind: 'status', status: n % 10 === 0 ? 400 : 500, echoHeaders: true } : null),
      responder: (r) => `The headers were ${JSON.stringify(r.headers)}; the answer is 42`,
    });
    const env = { OPENAI_API_KEY: TEST_API_KEY, OPENAI_BASE_URL: `${server.url}/v1`, ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: `${server.url}/v1` };
    const { db, path } = tempWorkspace();
    const models = [
      entry('gpt', await createAdapter('openai:gpt-4o-mini', env), { spec: 'openai:gpt-4o-mini' }),
      entry('gpt-base', await createAdapter('openai:gpt-3.5-turbo-instruct?mode=completion', env), { spec: 'openai:gpt-3.5-turbo-instruct?mode=completion' }),
      entry('claude', await createAdapter('anthropic:claude-3-5-sonnet-latest', env), { spec: 'anthropic:claude-3-5-sonnet-latest' }),
    ];
    const plan = planFor(await additionItems(10), models, { templateIds: ['addition-01', 'addition-02', 'addition-03'] });
    const summary = await executeRun(db, { runId: 'secret', models, trials: plan, backoff: FAST_BACKOFF, config: { models: models.map((m) => m.spec) } });
    expect(summary).toMatchObject({ status: 'completed', done: 90 });
    expect(summary.errors).toBeGreaterThan(0); // 400s with echoed headers were recorded as errors
    expect(server.requests.every((r) => r.headers['authorization'] === `Bearer ${TEST_API_KEY}` || r.headers['x-api-key'] === TEST_API_KEY)).toBe(true);
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE text LIKE '%[redacted]%'")).toBeGreaterThan(0); // the echoed key was there, and removed
    expect(count(db, "SELECT COUNT(*) AS n FROM trials WHERE error_message LIKE '%[redacted]%'")).toBeGreaterThan(0);

    const key = Buffer.from(TEST_API_KEY);
    const distinctive = Buffer.from(TEST_API_KEY.slice(8, 24)); // a piece of it, in case of any re-encoding
    expect(existsSync(`${path}-wal`)).toBe(true);
    const live = storeBytes(path);
    expect(live.includes(key)).toBe(false);
    expect(live.includes(distinctive)).toBe(false);
    db.close(); // checkpoints the WAL into the file
    const closed = storeBytes(path);
    expect(closed.length).toBeGreaterThan(10_000);
    expect(closed.includes(key)).toBe(false);
    expect(closed.includes(distinctive)).toBe(false);
  });
});
