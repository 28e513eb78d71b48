import { describe, expect, it } from 'vitest';
import { countEffectiveOutcomes, GradesRepo } from '../store/sqlite/grades-repo.js';
import { openWorkspace } from '../store/sqlite/open-workspace.js';
import { gradeRun } from './grade-run.js';
import { goldSum, storedRun, storeTrial } from './test-support/stored-run.js';
import { GRADER_VERSION } from './version.js';

describe('gradeRun', () => {
  it('grades every answered trial once, in batches, and skips error trials', async () => {
    const run = await storedRun(30);
    run.items.forEach((item, i) => {
      const answer = i % 3 === 0 ? `The sum is ${goldSum(item)}.` : i % 3 === 1 ? "I'm not able to work that out." : `${goldSum(item)}1`;
      storeTrial(run, item, answer);
    });
    storeTrial(run, run.items[0]!, null, 'addition-02');
    const progress: number[] = [];
    const summary = gradeRun(run.db, run.runId, { batchSize: 7, onProgress: (done) => progress.push(done) });
    expect(summary).toMatchObject({ graded: 30, correct: 10, avoidant: 10, incorrect: 10, stopped: false });
    expect(progress).toEqual([7, 14, 21, 28, 30]);
    const grades = [...new GradesRepo(run.db).iterate(run.runId, 'rule')];
    expect(grades).toHaveLength(30);
    expect(grades.every((g) => g.graderVersion === GRADER_VERSION && g.rationale.length > 0 && g.ruleId.length > 0)).toBe(true);
    const avoidant = grades.find((g) => g.outcome === 'avoidant');
    expect(avoidant?.avoidance).toBe('epistemic');
    expect(countEffectiveOutcomes(run.db, run.runId)).toEqual([{ modelKey: 'm', correct: 10, avoidant: 10, incorrect: 10 }]);
  });

  it('grades only what is new on a second call, and survives reopening the file', async () => {
    const run = await storedRun(4);
    storeTrial(run, run.items[0]!, goldSum(run.items[0]!));
    expect(gradeRun(run.db, run.runId).graded).toBe(1);
    storeTrial(run, run.items[1]!, 'no idea, sorry');
    run.db.close();
    const db = openWorkspace(run.path);
    expect(gradeRun(db, run.runId)).toMatchObject({ graded: 1, avoidant: 1 });
    expect(gradeRun(db, run.runId).graded).toBe(0);
    expect(gradeRun(db, run.runId, { regrade: true }).graded).toBe(2);
  });

  it('re-grades a trial whose stored grade came from another grader version', async () => {
    const run = await storedRun(2);
    storeTrial(run, run.items[0]!, goldSum(run.items[0]!));
    gradeRun(run.db, run.runId);
    run.db.prepare("UPDATE grades SET grader_version = '0.9.0', outcome = 'incorrect'").run();
    expect(gradeRun(run.db, run.runId)).toMatchObject({ graded: 1, correct: 1 });
    expect(new GradesRepo(run.db).get({ runId: 'r1', modelKey: 'm', itemId: run.items[0]!.id, templateId: 'addition-01', sample: 0 }, 'rule'))
      .toMatchObject({ outcome: 'correct', graderVersion: GRADER_VERSION });
  });

  it('stops between batches when its signal aborts', async () => {
    const run = await storedRun(10);
    for (const item of run.items) storeTrial(run, item, goldSum(item));
    const controller = new AbortController();
    const summary = gradeRun(run.db, run.runId, { batchSize: 3, signal: controller.signal, onProgress: (done) => { if (done >= 6) controller.abort(); } });
    expect(summary).toMatchObject({ graded: 6, stopped: true });
    expect(gradeRun(run.db, run.runId).graded).toBe(4);
  });
});
