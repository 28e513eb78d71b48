import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCliAsync } from '../test-support/run-cli.js';
import { startModelServer, type ModelServer } from '../test-support/model-server/model-server.js';
import type { ReceivedRequest } from '../test-support/model-server/responders.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rb-grade-'));

/** Answers addition prompts: right for even first addends, "no idea" for those ending in 5, else off by one. */
function adder(request: ReceivedRequest): string {
  const judge = request.prompt.includes('REFERENCE ANSWER');
  if (judge) {
    const section = (name: string) => request.prompt.split(`${name}\n<<<>>>\n`)[1]?.split('\n<<<>>>')[0] ?? '';
    if (/no idea/.test(section('MODEL ANSWER'))) return 'REASON: does not know\nVERDICT: AVOIDANT epistemic';
    return section('MODEL ANSWER').includes(section('REFERENCE ANSWER')) ? 'VERDICT: CORRECT' : 'VERDICT: INCORRECT';
  }
  const m = /(\d+)\s*(?:\+|and|plus)\s*(\d+)/.exec(request.prompt);
  if (!m) return 'no idea';
  const a = BigInt(m[1]!);
  const b = BigInt(m[2]!);
  if (a % 10n === 5n) return 'no idea';
  return `The sum is ${a % 2n === 0n ? a + b : a + b + 1n}.`;
}

describe('reliabench grade', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ responder: adder });
  });
  afterAll(async () => server.close());

  it('grades a stored run (nothing new the second time), judges it and prints agreement with kappa', async () => {
    const cwd = tmp();
    const run = await runCliAsync(['run', '--model', `openai-compatible:${server.url}/v1#adder`, '--domains', 'addition', '--per-domain', '4',
      '--templates', 'addition-01,addition-02', '--workspace', 'ws.sqlite', '--quiet'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/graded 8 answers/);
    const again = await runCliAsync(['grade', '--workspace', 'ws.sqlite', '--quiet'], { cwd });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/nothing new to grade/);
    expect(again.stdout).toMatch(/adder: \d+ correct, \d+ avoidant, \d+ incorrect \(overrides applied\)/);

    const judged = await runCliAsync(['grade', '--workspace', 'ws.sqlite', '--judge', `openai-compatible:${server.url}/v1#judge`, '--quiet'], { cwd });
    expect(judged.status, judged.stderr).toBe(0);
    expect(judged.stdout).toMatch(/judge .*: 8 judged \(0 from cache, 8 requests\), 0 not judged/);
    expect(judged.stdout).toMatch(/agreement 100\.0% of 8, Cohen's kappa (1\.000|undefined)/);
    const db = new Database(join(cwd, 'ws.sqlite'), { readonly: true });
    const graders = db.prepare('SELECT grader, COUNT(*) AS n FROM grades GROUP BY grader ORDER BY grader').all();
    db.close();
    expect(graders).toEqual([{ grader: 'judge', n: 8 }, { grader: 'rule', n: 8 }]);
  });

  it('--input: reports FILE:LINE: field for each bad row, writes the good rows, exits 1', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'responses.jsonl'), [
      JSON.stringify({ id: 1, domain: 'addition', gold: '4005', response: "I'm not sure, but maybe 4005" }),
      '{"id": 2, "domain": "addition", ',
      JSON.stringify({ id: 3, domain: 'addition', gold: 'four', response: '4' }),
      JSON.stringify({ id: 4, domain: 'addition', gold: '4005', prompt: 'What is 2000 + 2005?', response: 'What is 2000 + 2005?' }),
    ].join('\n'));
    const r = await runCliAsync(['grade', '--input', 'responses.jsonl', '--out', 'graded.jsonl'], { cwd });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/responses\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/responses\.jsonl:3: gold: /);
    expect(r.stderr).toMatch(/graded 2 rows .*; 2 bad rows skipped/);
    const rows = readFileSync(join(cwd, 'graded.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => [x['id'], x['outcome']])).toEqual([[1, 'correct'], [4, 'avoidant']]);
    expect(rows[0]).toMatchObject({ line: 1, rule_id: expect.any(String), grader_version: expect.any(String), rationale: expect.stringMatching(/hedge/) });
  });

  it('--input --avoidance-only grades free text to stdout; a missing file is one line, exit 2', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'chat.jsonl'), `${JSON.stringify({ response: 'As an AI, I cannot browse the internet.' })}\n`);
    const r = await runCliAsync(['grade', '--input', 'chat.jsonl', '--avoidance-only'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ outcome: 'avoidant' });
    const missing = await runCliAsync(['grade', '--input', 'nope.jsonl'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('reliabench: error: cannot read nope.jsonl: no such file');
    const noRuns = await runCliAsync(['grade', '--workspace', 'empty.sqlite'], { cwd });
    expect(noRuns.status).toBe(2);
    expect(noRuns.stderr).toMatch(/no runs in .*empty\.sqlite yet/);
  });
});
