import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../core/item.js';
import { TrialRecorder } from '../../engine/trial-recorder.js';
import type { PlannedTrial } from '../../engine/run-types.js';
import { getDomain } from '../../domains/registry.js';
import { generateItems } from '../../generate/generate-items.js';
import { gradeRun } from '../../grading/grade-run.js';
import { addMissingFacetsOfUnfinishedRuns, FacetSync } from './facet-sync.js';
import { saveItems } from './items-repo.js';
import { openWorkspace, type Db } from './open-workspace.js';
import { overrideGrade } from './overrides-repo.js';
import { createRun, saveRunModel, setRunStatus } from './runs-repo.js';
import { TrialsRepo, type TrialRecord } from './trials-repo.js';

let items: Item[] = [];
beforeAll(async () => {
  items = (await generateItems({ domains: ['addition'], perDomain: 6, seed: 9 })).items;
});

function workspace(runs: readonly string[] = ['r']): Db {
  const db = openWorkspace(join(mkdtempSync(join(tmpdir(), 'rb-facet-sync-')), 'w.sqlite'));
  saveItems(db, items);
  for (const runId of runs) {
    createRun(db, { id: runId });
    saveRunModel(db, runId, { modelKey: 'm', spec: 's', provider: 'p', modelId: 'm', mode: 'chat', settings: {}, samples: 1, metadata: {}, pricing: null, execution: {} });
  }
  return db;
}

const TEMPLATES = ['addition-01', 'addition-02'];

/** Trial k of a run: item k/2, template k%2; answered right, wrong or evasively, or a transport error. */
function trial(runId: string, k: number, kind: 'right' | 'wrong' | 'evasive' | 'error'): TrialRecord {
  const item = items[Math.floor(k / 2) % items.length]!;
  const sum = (item.gold as { sum: string }).sum;
  const text = { right: `The answer is ${sum}.`, wrong: `The answer is ${sum}1.`, evasive: 'I am not able to work that out.', error: null }[kind];
  return {
    runId, modelKey: 'm', itemId: item.id, templateId: TEMPLATES[k % 2]!, sample: 0, mode: 'chat', prompt: 'p',
    status: text === null ? 'error' : 'answered', text, finishReason: null, inputTokens: null, outputTokens: null, costUsd: 0, latencyMs: 1,
    attempts: 1, cached: false, responseKey: null, errorCode: text === null ? 'SERVER_ERROR' : null, errorMessage: null, warnings: [], createdAt: 'x',
  };
}

/** What every trial's facet must say, computed from scratch (the trial, its item, its effective grade). */
function referenceFacets(db: Db): string[] {
  return db.prepare(`SELECT t.run_id || ' ' || t.item_id || ' ' || t.template_id || ' ' || i.domain || ' ' || i.bin || ' ' ||
      CASE WHEN t.status = 'error' THEN 'error' ELSE COALESCE(e.outcome, 'ungraded') END || ' ' ||
      CASE WHEN t.status = 'error' THEN '' ELSE COALESCE(e.avoidance, '') END
    FROM trials t JOIN items i ON i.id = t.item_id LEFT JOIN effective_grades e USING (run_id, model_key, item_id, template_id, sample)
    ORDER BY 1`).pluck().all() as string[];
}

function storedFacets(db: Db): string[] {
  return db.prepare(`SELECT run_id || ' ' || item_id || ' ' || template_id || ' ' || domain || ' ' || bin || ' ' || outcome || ' ' || avoidance
    FROM trial_facets ORDER BY 1`).pluck().all() as string[];
}

/** The counts must always be the facets grouped by cell, whatever has been synced yet. */
function expectCountsMatchFacets(db: Db): void {
  const cells = (sql: string): string[] => db.prepare(sql).pluck().all() as string[];
  expect(cells(`SELECT run_id || model_key || domain || bin || outcome || avoidance || ':' || n FROM trial_counts WHERE n > 0 ORDER BY 1`)).toEqual(
    cells(`SELECT run_id || model_key || domain || bin || outcome || avoidance || ':' || COUNT(*) FROM trial_facets GROUP BY run_id, model_key, domain, bin, outcome, avoidance ORDER BY 1`),
  );
  expect(db.prepare('SELECT COUNT(*) FROM trial_counts WHERE n < 0').pluck().get()).toBe(0);
}

type Op =
  | { op: 'store'; k: number; kind: 'right' | 'wrong' | 'evasive' | 'error' }
  | { op: 'sync' }
  | { op: 'crash' }
  | { op: 'grade'; regrade: boolean }
  | { op: 'override'; k: number; outcome: 'correct' | 'incorrect' }
  | { op: 'delete'; k: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('store' as const), k: fc.nat(11), kind: fc.constantFrom('right' as const, 'wrong' as const, 'evasive' as const, 'error' as const) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'sync' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('grade' as const), regrade: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('override' as const), k: fc.nat(11), outcome: fc.constantFrom('correct' as const, 'incorrect' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), k: fc.nat(11) }) },
);

describe('facets written in bulk', () => {
  it('always agree with the trials and grades they describe, and become complete once synced, in any order of writes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const db = workspace();
        const repo = new TrialsRepo(db);
        const sync = new FacetSync(db);
        let mark = sync.trialMark();
        for (const o of ops) {
          if (o.op === 'store') repo.save(trial('r', o.k, o.kind)); // a stored answer is never replaced, an error is
          else if (o.op === 'sync') mark = db.transaction(() => sync.addAfter(mark))();
          else if (o.op === 'crash') mark = sync.trialMark(); // the trials since the last sync never got their facets
          else if (o.op === 'grade') gradeRun(db, 'r', { regrade: o.regrade });
          else if (o.op === 'delete') db.prepare('DELETE FROM trials WHERE item_id = ? AND template_id = ?').run(trial('r', o.k, 'right').itemId, TEMPLATES[o.k % 2]);
          else {
            const t = trial('r', o.k, 'right');
            const graded = db.prepare("SELECT 1 FROM grades WHERE item_id = ? AND template_id = ? AND grader = 'rule'").get(t.itemId, t.templateId);
            if (graded) overrideGrade(db, t, { who: 'ann', reason: 'checked by hand', outcome: o.outcome });
          }
          // Facets may be missing (not synced yet) but never wrong, and the counts always match them.
          const reference = new Set(referenceFacets(db));
          for (const f of storedFacets(db)) expect(reference.has(f), `stale facet after ${o.op}: ${f}`).toBe(true);
          expectCountsMatchFacets(db);
        }
        db.transaction(() => sync.addMissing('r'))();
        expect(storedFacets(db)).toEqual(referenceFacets(db));
        expectCountsMatchFacets(db);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('adds facets once per batch: the trials since the mark, then nothing until more arrive', () => {
    const db = workspace();
    const repo = new TrialsRepo(db);
    const sync = new FacetSync(db);
    const mark = sync.trialMark();
    for (let k = 0; k < 5; k++) repo.save(trial('r', k, k === 0 ? 'error' : 'right'));
    expect(storedFacets(db)).toEqual([]);
    const next = sync.addAfter(mark);
    expect(next).toBe(mark + 5);
    expect(storedFacets(db)).toEqual(referenceFacets(db));
    expectCountsMatchFacets(db);
    expect(db.prepare('SELECT SUM(n) FROM trial_counts').pluck().get()).toBe(5);
    expect(sync.addAfter(next)).toBe(next);
    expect(db.prepare('SELECT SUM(n) FROM trial_counts').pluck().get()).toBe(5);
  });

  it('applies new rule grades to facets in bulk, an override winning over the rule grade', () => {
    const db = workspace();
    const repo = new TrialsRepo(db);
    const sync = new FacetSync(db);
    for (let k = 0; k < 4; k++) repo.save(trial('r', k, k % 2 ? 'wrong' : 'right'));
    sync.addAfter(0);
    gradeRun(db, 'r');
    overrideGrade(db, trial('r', 1, 'wrong'), { who: 'ann', reason: 'the sum was misread', outcome: 'correct' });
    gradeRun(db, 'r', { regrade: true }); // deletes the rule grades and stores them again: the override still wins
    expect(db.prepare('SELECT outcome FROM trial_facets ORDER BY id').pluck().all()).toEqual(['correct', 'correct', 'correct', 'incorrect']);
    expect(storedFacets(db)).toEqual(referenceFacets(db));
    expectCountsMatchFacets(db);
  });

  it('repairs only runs not completed when serve starts', () => {
    const db = workspace(['done', 'crashed']);
    const repo = new TrialsRepo(db);
    for (const runId of ['done', 'crashed']) for (let k = 0; k < 3; k++) repo.save(trial(runId, k, 'right'));
    setRunStatus(db, 'done', 'completed', null);
    expect(addMissingFacetsOfUnfinishedRuns(db)).toBe(3);
    expect(db.prepare('SELECT DISTINCT run_id FROM trial_facets').pluck().all()).toEqual(['crashed']);
    expect(addMissingFacetsOfUnfinishedRuns(db)).toBe(0);
    expectCountsMatchFacets(db);
  });
});

describe('the trial recorder and facets', () => {
  const planned = (k: number): PlannedTrial => {
    const t = trial('r', k, 'right');
    const template = getDomain('addition').templates.find((x) => x.id === t.templateId)!;
    return { modelKey: 'm', item: items.find((i) => i.id === t.itemId)!, template, sample: 0, mode: 'chat', prompt: 'p' } as PlannedTrial;
  };
  const answer = { status: 'answered' as const, text: 'The answer is 1.', usage: {}, costUsd: 0, latencyMs: 1, attempts: 1, cached: false, warnings: [] };
  const meta = { provider: 'p', modelId: 'm', mode: 'chat' as const };

  it('adds facets when the sync interval has passed and at finish, not per commit', async () => {
    const db = workspace();
    const recorder = new TrialRecorder(db, 'r', (e) => { throw e; }, 60_000);
    await Promise.all([0, 1, 2].map((k) => recorder.saveAnswer(planned(k), answer, meta, undefined)));
    expect(db.prepare('SELECT COUNT(*) FROM trials').pluck().get()).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(0);
    recorder.finish();
    expect(db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(3);

    const eager = new TrialRecorder(db, 'r', (e) => { throw e; }, 0);
    await eager.saveAnswer(planned(3), answer, meta, undefined);
    expect(db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(4);
    expect(storedFacets(db)).toEqual(referenceFacets(db));
  });

  it('a recorder for a run a crash left without some facets adds them before it starts', async () => {
    const db = workspace();
    const crashed = new TrialRecorder(db, 'r', (e) => { throw e; }, 60_000);
    await Promise.all([0, 1].map((k) => crashed.saveAnswer(planned(k), answer, meta, undefined)));
    expect(db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(0); // killed before finish
    new TrialRecorder(db, 'r'); // the resumed run
    expect(storedFacets(db)).toEqual(referenceFacets(db));
    expectCountsMatchFacets(db);
  });
});
