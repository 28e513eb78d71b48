import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../test-support/run-cli.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import type { ReceivedRequest } from '../test-support/model-server/responders.js';

/** Model "good" adds correctly; model "bad" is off by one whenever the first addend is odd. */
function adder(request: ReceivedRequest): string {
  const m = /(\d+)\s*(?:\+|and|plus)\s*(\d+)/.exec(request.prompt);
  if (!m) return "I don't know.";
  const a = BigInt(m[1]!);
  const sum = a + BigInt(m[2]!);
  return request.model === 'bad' && a % 2n === 1n ? `${sum + 1n}` : `The answer is ${sum}.`;
}

describe('reliabench report and compare', () => {
  let server: ModelServer;
  let cwd: string;
  beforeAll(async () => {
    server = await startModelServer({ responder: adder });
    cwd = mkdtempSync(join(tmpdir(), 'rb-report-'));
    const r = await runCliAsync(['run', '--model', `openai-compatible:${server.url}/v1#good`, `openai-compatible:${server.url}/v1#bad`,
      '--domains', 'addition', '--per-domain', '40', '--templates', 'addition-01,addition-02,addition-03', '--workspace', 'ws.sqlite', '--quiet'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/graded 240 answers/);
    expect(r.stdout).toMatch(/report for run run-\S+: 2 model\(s\), \d+ files in [\d.]+ s → .*index\.html/);
  }, 120_000);
  afterAll(async () => server.close());

  it('writes the report folder from the stored run', async () => {
    const r = await runCliAsync(['report', '--workspace', 'ws.sqlite', '--out', 'rep', '--bootstrap', '50', '--no-png'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 model\(s\)/);
    for (const f of ['index.html', 'summary.md', 'metrics.json']) expect(existsSync(join(cwd, 'rep', f))).toBe(true);
    const metrics = JSON.parse(readFileSync(join(cwd, 'rep', 'metrics.json'), 'utf8')) as { models: { modelKey: string; overall: { n: number; correctness: { value: number } } }[] };
    const byKey = Object.fromEntries(metrics.models.map((m) => [m.modelKey, m.overall]));
    expect(byKey['good']).toMatchObject({ n: 120, correctness: { value: 1 } });
    expect(byKey['bad']!.correctness.value).toBeLessThan(0.8);
    expect(readFileSync(join(cwd, 'rep', 'summary.md'), 'utf8')).toMatch(/\| bad \|/);
  });

  it('compare exits 1 when a --fail-if rule fires, 0 when none does, and 2 on a rule it cannot read', async () => {
    const worse = await runCliAsync(['compare', 'good', 'bad', '--fail-if', 'correctness fell by 0.1', 'easy-incorrect rose', '--workspace', 'ws.sqlite', '--bootstrap', '50'], { cwd });
    expect(worse.status).toBe(1);
    expect(worse.stdout).toMatch(/good → bad \(all\)/);
    expect(worse.stderr).toMatch(/fail-if "correctness fell by 0.1": bad vs good, all: -\d+\.\d pts/);
    const better = await runCliAsync(['compare', 'bad', 'good', '--fail-if', 'correctness fell', '--workspace', 'ws.sqlite', '--bootstrap', '50'], { cwd });
    expect(better.status, better.stderr).toBe(0);
    expect(better.stdout).toMatch(/no --fail-if rule fired \(1 checked\)/);
    const bad = await runCliAsync(['compare', 'good', 'bad', '--fail-if', 'vibes dropped', '--workspace', 'ws.sqlite'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot read --fail-if "vibes dropped"/);
    const unknown = await runCliAsync(['compare', 'good', 'nobody', '--workspace', 'ws.sqlite'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/"nobody" is neither a run id/);
  });
});
