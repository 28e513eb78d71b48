import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { runCliAsync } from '../test-support/run-cli.js';
import { REPO_ROOT } from '../test-support/paths.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';

const TINY_MODEL = resolve(REPO_ROOT, '../shared/models/stories260K.gguf');
const tmp = () => mkdtempSync(join(tmpdir(), 'rb-run-'));
const oneLine = (text: string) => text.trim().split('\n').filter((l) => l.length > 0);

function trials(workspace: string): { status: string; n: number }[] {
  const db = new Database(workspace, { readonly: true });
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM trials GROUP BY status').all() as { status: string; n: number }[];
  db.close();
  return rows;
}

describe('reliabench run', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs the tiny GGUF model in-process end to end: generate → run → trials stored; again costs no model call', async () => {
    const cwd = tmp();
    const args = ['run', '--model', `gguf:${TINY_MODEL}`, '--domains', 'addition,anagram', '--per-domain', '2',
      '--templates', 'addition-01,addition-04,anagram-02', '--max-tokens', '24', '--workspace', 'ws.sqlite'];
    const first = await runCliAsync(args, { cwd });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/completed — 6\/6 trials \(6 answered, 0 errors, 0 from cache\)/);
    expect(trials(join(cwd, 'ws.sqlite'))).toEqual([{ status: 'answered', n: 6 }]);
    const db = new Database(join(cwd, 'ws.sqlite'), { readonly: true });
    const row = db.prepare("SELECT mode, prompt, text FROM trials WHERE template_id = 'addition-01' LIMIT 1").get() as { mode: string; prompt: string; text: string };
    db.close();
    expect(row.mode).toBe('completion'); // no chat template in this raw model
    expect(row.prompt).toMatch(/^What is \d+ \+ \d+\?\n\nAnswer:$/);
    expect(row.text.length).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/graded 6 answers: \d+ correct, \d+ avoidant, \d+ incorrect/);

    const again = await runCliAsync(args, { cwd });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/6 from cache\).* 0 requests/);
  });

  it('runs an OpenAI-compatible server over a real socket and stores every trial once', async () => {
    const cwd = tmp();
    const before = server.requestCount;
    const r = await runCliAsync(['run', '--model', `openai-compatible:${server.url}/v1#echo-model`, '--domains', 'addition',
      '--per-domain', '3', '--workspace', 'ws.sqlite', '--quiet'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/completed — 45\/45 trials \(45 answered/);
    expect(server.requestCount - before).toBe(45);
    expect(trials(join(cwd, 'ws.sqlite'))).toEqual([{ status: 'answered', n: 45 }]);
    // The server echoes each prompt back: an echo is avoidance, never a correct answer, even though it holds the addends.
    expect(r.stdout).toMatch(/graded 45 answers: 0 correct, 45 avoidant, 0 incorrect/);
  });

  it.each([
    ['an unknown provider', ['--model', 'foo:bar'], /Unknown model provider "foo".*e\.g\. openai:gpt-4o-mini/],
    ['a malformed spec', ['--model', 'openai-compatible:not a url#m'], /openai-compatible/],
    ['a missing key', ['--model', 'anthropic:claude-3-5-haiku-latest'], /set the ANTHROPIC_API_KEY environment variable/],
    ['a bad --difficulty', ['--model', 'foo:bar', '--difficulty', '80-20'], /--difficulty must be a range MIN-MAX within 0-100/],
  ])('refuses %s with one line that names the fix', async (_what, args, message) => {
    const r = await runCliAsync(['run', '--domains', 'addition', '--per-domain', '1', ...args], { cwd: tmp(), env: { ANTHROPIC_API_KEY: undefined } });
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr).filter((l) => l.startsWith('reliabench: error:'))).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('refuses an invalid config file, naming the file and the field', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'reliabench.config.json'), JSON.stringify({ models: [{ spec: 'ollama:x', temperature: 'warm' }] }));
    const r = await runCliAsync(['run'], { cwd });
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/reliabench\.config\.json: models\.0\.temperature: Invalid input: expected number/);
  });

  it('never writes the API key to the store, its WAL, any output file or the console, even when the server echoes it', async () => {
    const key = 'sk-reliabench-SECRET-4c1f9e2a7b';
    const echoing = await startModelServer({
      apiKey: key,
      responder: (request) => `headers were ${JSON.stringify(request.headers)}`,
    });
    try {
      echoing.enqueueFaults({ kind: 'status', status: 500, echoHeaders: true }, { kind: 'status', status: 503, echoHeaders: true });
      const cwd = tmp();
      const r = await runCliAsync(['run', '--model', `openai-compatible:${echoing.url}/v1#m`, '--domains', 'addition', '--per-domain', '2',
        '--templates', 'addition-01', '--workspace', 'ws.sqlite'], { cwd, env: { OPENAI_COMPATIBLE_API_KEY: key } });
      expect(r.status, r.stderr).toBe(0);
      expect(echoing.requests.some((q) => JSON.stringify(q.headers).includes(key))).toBe(true); // the key was really sent
      expect(`${r.stdout}${r.stderr}`).not.toContain(key);
      const files = readdirSync(cwd, { recursive: true }).map(String).filter((f) => statSync(join(cwd, f)).isFile());
      expect(files).toEqual(expect.arrayContaining(['ws.sqlite']));
      for (const f of files) expect(readFileSync(join(cwd, f)).includes(key), f).toBe(false);
      const db = new Database(join(cwd, 'ws.sqlite'), { readonly: true });
      expect((db.prepare('SELECT text FROM trials LIMIT 1').get() as { text: string }).text).toContain('[redacted]');
      db.close();
    } finally {
      await echoing.close();
    }
  });

  it('fails fast on an unreachable server, saying which server and how to fix it', async () => {
    const started = Date.now();
    const r = await runCliAsync(['run', '--model', 'openai-compatible:http://127.0.0.1:9/v1#m', '--domains', 'addition', '--per-domain', '2', '--quiet'], { cwd: tmp() });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/failed: .*cannot reach http:\/\/127\.0\.0\.1:9\/v1.*is the server running/);
  });
});
