import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../store/sqlite/open-workspace.js';
import { createRun, saveRunModel } from '../store/sqlite/runs-repo.js';
import { TrialsRepo } from '../store/sqlite/trials-repo.js';
import { REPO_ROOT } from '../test-support/paths.js';
import { runCliAsync } from '../test-support/run-cli.js';

const TSX = import.meta.resolve('tsx');
const tmp = () => mkdtempSync(join(tmpdir(), 'rb-serve-'));
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `reliabench serve` from source and waits for its banner. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; stdout: () => string; url: string; token: string }> {
  const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), 'serve', ...args], {
    cwd: tmp(), env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /reliabench serve: (http:\/\/\S+) /.exec(out)?.[1];
      const token = /admin token: (\S+)/.exec(out)?.[1];
      if (url && token && out.includes('Ctrl+C stops.')) {
        clearInterval(timer);
        resolve({ child, stdout: () => out, url, token });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code}: ${out}${err}`));
    });
  });
}

describe('reliabench serve', () => {
  it('binds to 127.0.0.1, prints a fresh admin token and a login link, serves, and stops on SIGINT', async () => {
    const s = await serve(['--port', '0', '--workspace', 'ws.sqlite']);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.stdout()).toContain(`log in: ${s.url}/login#token=${s.token}`);
    expect((await fetch(`${s.url}/login`)).status).toBe(200);
    expect((await fetch(`${s.url}/`)).status).toBe(401);
    expect((await fetch(`${s.url}/`, { headers: { Authorization: `Bearer ${s.token}` } })).status).toBe(200);
    const port = new URL(s.url).port;
    for (const address of Object.values(networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal)) {
      await expect(fetch(`http://${address!.address}:${port}/login`)).rejects.toThrow();
    }
    const exited = new Promise<number | null>((resolve) => s.child.once('exit', resolve));
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);

  it('starts while another process holds the store\'s write lock, noting that a crashed run\'s facets wait', async () => {
    const dir = tmp();
    const db = openWorkspace(join(dir, 'ws.sqlite'));
    createRun(db, { id: 'crashed' }); // status running, as a killed run leaves it
    saveRunModel(db, 'crashed', { modelKey: 'm', spec: 's', provider: 'p', modelId: 'm', mode: 'chat', settings: {}, samples: 1, metadata: {}, pricing: null, execution: {} });
    new TrialsRepo(db).save({
      runId: 'crashed', modelKey: 'm', itemId: 'i', templateId: 't', sample: 0, mode: 'chat', prompt: 'p', status: 'answered', text: 'a', finishReason: null,
      inputTokens: null, outputTokens: null, costUsd: 0, latencyMs: 1, attempts: 1, cached: false, responseKey: null, errorCode: null, errorMessage: null, warnings: [], createdAt: 'x',
    });
    db.exec('BEGIN IMMEDIATE'); // the write lock, held until the server is up
    const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--workspace', join(dir, 'ws.sqlite')], {
      cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    await expect.poll(() => out.includes('Ctrl+C stops.'), { timeout: 30_000, interval: 100 }).toBe(true);
    expect(err).toMatch(/note: could not add the viewer's missing facets of unfinished runs now \(database is locked\)/);
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(0);
    child.kill('SIGINT');
    db.close();
  }, 60_000);

  it('takes the admin token from RELIABENCH_ADMIN_TOKEN, and refuses a short one or a bad port', async () => {
    const token = 'organiser-chosen-token-1234567890';
    const s = await serve(['--port', '0', '--workspace', 'ws.sqlite'], { RELIABENCH_ADMIN_TOKEN: token });
    expect(s.token).toBe(token);
    expect((await fetch(`${s.url}/studies`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    s.child.kill('SIGINT');
    const short = await runCliAsync(['serve', '--port', '0', '--workspace', 'ws.sqlite'], { cwd: tmp(), env: { RELIABENCH_ADMIN_TOKEN: 'short' }, timeoutMs: 30_000 });
    expect(short.status).toBe(2);
    expect(short.stderr.trim()).toBe('reliabench: error: RELIABENCH_ADMIN_TOKEN must be at least 16 characters');
    const port = await runCliAsync(['serve', '--port', 'http'], { cwd: tmp(), timeoutMs: 30_000 });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number from 0 to 65535, got "http"/);
  }, 60_000);
});
