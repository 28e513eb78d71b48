import { describe, expect, it } from 'vitest';
import { gradeRun } from '../../grading/grade-run.js';
import { goldSum, storedRun, storeTrial } from '../../grading/test-support/stored-run.js';
import { countEffectiveOutcomes, GradesRepo } from './grades-repo.js';
import { listOverrides, overrideGrade } from './overrides-repo.js';

async function gradedRun() {
  const run = await storedRun(2);
  storeTrial(run, run.items[0]!, `${goldSum(run.items[0]!)} (I think)`);
  storeTrial(run, run.items[1]!, 'sorry, no idea');
  gradeRun(run.db, run.runId);
  const ref = (i: number) => ({ runId: 'r1', modelKey: 'm', itemId: run.items[i]!.id, templateId: 'addition-01', sample: 0 });
  return { run, ref };
}

describe('grade overrides', () => {
  it('records who, when, before, after and why, and the effective grade follows the newest override', async () => {
    const { run, ref } = await gradedRun();
    const at = new Date('2026-11-28T10:00:00Z');
    const first = overrideGrade(run.db, ref(0), { who: 'ana', reason: 'hedged; our policy counts hedges as avoidant', outcome: 'avoidant', avoidance: 'epistemic', at });
    expect(first).toMatchObject({ who: 'ana', at: '2026-11-28T10:00:00.000Z', before: { outcome: 'correct', avoidance: null }, after: { outcome: 'avoidant', avoidance: 'epistemic' } });
    const second = overrideGrade(run.db, ref(0), { who: 'ben', reason: 'policy reverted', outcome: 'correct' });
    expect(second.before).toEqual({ outcome: 'avoidant', avoidance: 'epistemic' });
    expect(listOverrides(run.db, 'r1', ref(0)).map((o) => o.who)).toEqual(['ana', 'ben']);
    expect(countEffectiveOutcomes(run.db, 'r1')).toEqual([{ modelKey: 'm', correct: 1, avoidant: 1, incorrect: 0 }]);
    overrideGrade(run.db, ref(1), { who: 'ana', reason: 'it did answer, wrongly, further down', outcome: 'incorrect' });
    expect(countEffectiveOutcomes(run.db, 'r1')).toEqual([{ modelKey: 'm', correct: 1, avoidant: 0, incorrect: 1 }]);
  });

  it('never changes the rule grade, survives a re-grade, and cannot be edited', async () => {
    const { run, ref } = await gradedRun();
    overrideGrade(run.db, ref(1), { who: 'ana', reason: 'r', outcome: 'incorrect' });
    expect(new GradesRepo(run.db).get(ref(1), 'rule')?.outcome).toBe('avoidant');
    gradeRun(run.db, 'r1', { regrade: true });
    expect(countEffectiveOutcomes(run.db, 'r1')[0]).toMatchObject({ incorrect: 1, avoidant: 0 });
    expect(() => run.db.prepare("UPDATE grade_overrides SET who = 'mallory'").run()).toThrow(/append-only/);
  });

  it('refuses an override without a name, a reason, a valid sub-type, or a graded trial', async () => {
    const { run, ref } = await gradedRun();
    expect(() => overrideGrade(run.db, ref(0), { who: ' ', reason: 'x', outcome: 'correct' })).toThrow(/who/);
    expect(() => overrideGrade(run.db, ref(0), { who: 'a', reason: '', outcome: 'correct' })).toThrow(/reason/);
    expect(() => overrideGrade(run.db, ref(0), { who: 'a', reason: 'x', outcome: 'avoidant' })).toThrow(/sub-type/);
    expect(() => overrideGrade(run.db, ref(0), { who: 'a', reason: 'x', outcome: 'avoidant', avoidance: 'bored' })).toThrow(/sub-type/);
    expect(() => overrideGrade(run.db, { ...ref(0), templateId: 'addition-09' }, { who: 'a', reason: 'x', outcome: 'correct' })).toThrow(/no graded trial/);
    expect(listOverrides(run.db, 'r1')).toHaveLength(0);
  });
});
