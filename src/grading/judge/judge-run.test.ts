import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../models/create-adapter.js';
import { startModelServer, type ModelServer } from '../../test-support/model-server/model-server.js';
import type { ReceivedRequest } from '../../test-support/model-server/responders.js';
import { GradesRepo } from '../../store/sqlite/grades-repo.js';
import { gradeRun } from '../grade-run.js';
import { goldSum, storedRun, storeTrial } from '../test-support/stored-run.js';
import { judgeRun } from './judge-run.js';

/** A judge that reads the fenced reference and answer from the rubric prompt, like a careful model would. */
function fakeJudge(request: ReceivedRequest): string {
  const section = (name: string) => request.prompt.split(`${name}\n<<<>>>\n`)[1]?.split('\n<<<>>>')[0] ?? '';
  const gold = section('REFERENCE ANSWER');
  const answer = section('MODEL ANSWER');
  if (/no idea|not sure/i.test(answer)) return 'REASON: it says it does not know.\nVERDICT: AVOIDANT epistemic';
  if (/garbled/.test(answer)) return 'I cannot decide.';
  return answer.match(/\d+/)?.[0] === gold ? 'REASON: matches.\nVERDICT: CORRECT' : 'REASON: a different number.\nVERDICT: INCORRECT';
}

let server: ModelServer | undefined;
afterEach(async () => server?.close());

describe('judgeRun over a real socket', () => {
  it('stores judge grades beside rule grades, reports agreement, and re-judging costs no requests', async () => {
    server = await startModelServer({ responder: fakeJudge, faults: [{ kind: 'status', status: 503 }, { kind: 'status', status: 429, retryAfter: '0' }] });
    const run = await storedRun(12);
    run.items.forEach((item, i) => {
      // The rule grader and this judge disagree on "maybe N": the rule commits to N (hedge rule), the judge ignores it.
      const text = i < 6 ? `The answer is ${goldSum(item)}.` : i < 9 ? 'no idea, sorry' : i < 11 ? `${goldSum(item)}7` : 'garbled output';
      storeTrial(run, item, text);
    });
    gradeRun(run.db, run.runId);
    const judge = await createAdapter(`openai-compatible:${server.url}/v1#judge`, {});
    const first = await judgeRun(run.db, run.runId, judge, { spec: 'openai-compatible:…#judge', concurrency: 4, backoff: { baseMs: 1, capMs: 5 } });
    expect(first).toMatchObject({ judged: 11, failed: 1, fromCache: 0 });
    expect(first.firstFailure).toMatch(/no VERDICT line/);
    expect(first.agreement.n).toBe(11);
    expect(first.agreement.matrix.correct.correct).toBe(6);
    expect(first.agreement.matrix.avoidant.avoidant).toBe(3);
    expect(first.agreement.kappa).toBeCloseTo(1, 12);
    const repo = new GradesRepo(run.db);
    expect([...repo.iterate(run.runId, 'rule')]).toHaveLength(12);
    const before = server.requestCount;
    const again = await judgeRun(run.db, run.runId, judge, { spec: 'x', concurrency: 2 });
    expect(again).toMatchObject({ judged: 0, failed: 1 });
    expect(server.requestCount - before).toBe(1); // only the garbled one is asked again
  });

  it('never overwrites a rule grade, even where it disagrees', async () => {
    server = await startModelServer({ responder: () => 'VERDICT: INCORRECT' });
    const run = await storedRun(3);
    for (const item of run.items) storeTrial(run, item, goldSum(item));
    gradeRun(run.db, run.runId);
    const judge = await createAdapter(`openai-compatible:${server.url}/v1#judge`, {});
    const summary = await judgeRun(run.db, run.runId, judge, { spec: 'j' });
    expect(summary.agreement.matrix.correct.incorrect).toBe(3);
    expect(summary.agreement.kappa).toBe(0); // p_o = 0 = p_e: no agreement beyond chance
    const repo = new GradesRepo(run.db);
    expect([...repo.iterate(run.runId, 'rule')].map((g) => g.outcome)).toEqual(['correct', 'correct', 'correct']);
    expect([...repo.iterate(run.runId, 'judge')].every((g) => g.outcome === 'incorrect' && g.judgeSpec === 'j')).toBe(true);
  });
});
