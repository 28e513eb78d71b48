import { describe, expect, it } from 'vitest';
import { grade } from '../../grading/grade.js';
import { gradeRun } from '../../grading/grade-run.js';
import { demoWorkspace, type DemoWorkspace } from '../../web/test-support/demo-workspace.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateItems } from '../../generate/generate-items.js';
import { GradesRepo } from './grades-repo.js';
import { saveItems } from './items-repo.js';
import { MIGRATIONS } from './migrations.js';
import { openWorkspace, schemaVersion } from './open-workspace.js';
import { overrideGrade } from './overrides-repo.js';
import { createRun, saveRunModel } from './runs-repo.js';
import { TrialsRepo } from './trials-repo.js';
import { domainBins, modelSummaries } from './run-overview.js';
import { listTrialPage, searchTrialPage } from './trial-pages.js';
import { countMatching, type TrialFilter } from './trial-queries.js';

let shared: Promise<DemoWorkspace> | undefined;
const demo = (): Promise<DemoWorkspace> => (shared ??= demoWorkspace());

/** Every facet id matching a filter, straight from SQL (the reference the walk must reproduce). */
function expected(w: DemoWorkspace, f: TrialFilter): number[] {
  const where: string[] = ['run_id = ?'];
  const params: (string | number)[] = [f.runId];
  const add = (c: string, v: string | number | undefined): void => {
    if (v !== undefined) {
      where.push(`${c} = ?`);
      params.push(v);
    }
  };
  add('model_key', f.modelKey);
  add('domain', f.domain);
  add('bin', f.bin);
  add('template_id', f.templateId);
  add('outcome', f.outcome);
  add('avoidance', f.avoidance);
  return w.db.prepare(`SELECT id FROM trial_facets WHERE ${where.join(' AND ')} ORDER BY model_key, domain, bin, outcome, avoidance, template_id, id`).pluck().all(...params) as number[];
}

function walkForward(w: DemoWorkspace, f: TrialFilter, limit: number): number[] {
  const ids: number[] = [];
  let after: number | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = listTrialPage(w.db, f, { limit, ...(after === undefined ? {} : { after }) });
    ids.push(...page.rows.map((r) => r.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('no end');
}

function walkBackward(w: DemoWorkspace, f: TrialFilter, limit: number): number[] {
  const pages: number[][] = [];
  let page = listTrialPage(w.db, f, { limit, last: true });
  for (let guard = 0; guard < 1000; guard++) {
    pages.unshift(page.rows.map((r) => r.id));
    if (page.prev === null) return pages.flat();
    page = listTrialPage(w.db, f, { limit, before: page.prev });
  }
  throw new Error('no start');
}

describe('viewer trial queries', () => {
  it('keeps one facet per trial in step with trials, grades and overrides', async () => {
    const w = await demo();
    const trials = w.db.prepare('SELECT COUNT(*) FROM trials').pluck().get();
    expect(w.db.prepare('SELECT COUNT(*) FROM trial_facets').pluck().get()).toBe(trials);
    const mismatches = w.db.prepare(`SELECT COUNT(*) FROM trial_facets f JOIN trials t USING (run_id, model_key, item_id, template_id, sample)
      LEFT JOIN effective_grades e USING (run_id, model_key, item_id, template_id, sample)
      WHERE f.outcome <> CASE WHEN t.status = 'error' THEN 'error' ELSE COALESCE(e.outcome, 'ungraded') END OR f.avoidance <> COALESCE(e.avoidance, '')`).pluck().get();
    expect(mismatches).toBe(0);
    expect(w.db.prepare('SELECT SUM(n) FROM trial_counts').pluck().get()).toBe(trials);
    expect(modelSummaries(w.db, w.runId).reduce((s, m) => s + m.total, 0)).toBe(trials);
    expect(domainBins(w.db, w.runId).flatMap((g) => g.bins).reduce((s, b) => s + b.incorrect, 0))
      .toBe(w.db.prepare("SELECT COUNT(*) FROM effective_grades WHERE outcome = 'incorrect'").pluck().get());
  });

  it('builds the facets and counts of trials stored before migration 4, overrides and errors included', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rb-facets-')), 'w.sqlite');
    const old = openWorkspace(path, MIGRATIONS.filter((m) => m.version <= 3));
    const { items } = await generateItems({ domains: ['addition'], perDomain: 6, seed: 4 });
    saveItems(old, items);
    createRun(old, { id: 'r' });
    saveRunModel(old, 'r', { modelKey: 'm', spec: 's', provider: 'p', modelId: 'm', mode: 'chat', settings: {}, samples: 1, metadata: {}, pricing: null, execution: {} });
    const repo = new TrialsRepo(old);
    items.forEach((item, i) => repo.save({
      runId: 'r', modelKey: 'm', itemId: item.id, templateId: 'addition-01', sample: 0, mode: 'chat', prompt: 'p', status: i === 0 ? 'error' : 'answered',
      text: i === 0 ? null : i % 2 ? `The answer is ${(item.gold as { sum: string }).sum}.` : 'No idea.', finishReason: null, inputTokens: null, outputTokens: null,
      costUsd: 0, latencyMs: 1, attempts: 1, cached: false, responseKey: null, errorCode: i === 0 ? 'E' : null, errorMessage: null, warnings: [], createdAt: 'x',
    }));
    // gradeRun keeps today's facets, which a version-3 store has not: grade the way version 3 did.
    new GradesRepo(old).saveMany(items.slice(1).map((item, k) => {
      const g = grade({ item, response: k % 2 ? 'No idea.' : `The answer is ${(item.gold as { sum: string }).sum}.`, prompt: 'p', mode: 'chat' });
      return { runId: 'r', modelKey: 'm', itemId: item.id, templateId: 'addition-01', sample: 0, grader: 'rule', outcome: g.outcome, avoidance: g.avoidance ?? null,
        extracted: g.extracted, ruleId: g.ruleId, graderVersion: g.graderVersion, rationale: g.rationale, judgeSpec: null, createdAt: 'x' };
    }));
    overrideGrade(old, { runId: 'r', modelKey: 'm', itemId: items[1]!.id, templateId: 'addition-01', sample: 0 }, { who: 'a', reason: 'b', outcome: 'incorrect' });
    old.close();
    const db = openWorkspace(path);
    expect(schemaVersion(db)).toBe(5);
    const facets = db.prepare('SELECT item_id, outcome FROM trial_facets ORDER BY id').all() as { item_id: string; outcome: string }[];
    expect(facets.map((f) => f.outcome)).toEqual(['error', 'incorrect', 'avoidant', 'correct', 'avoidant', 'correct']);
    expect(facets.map((f) => f.item_id)).toEqual(items.map((i) => i.id));
    expect(countMatching(db, { runId: 'r', outcome: 'avoidant' })).toBe(2);
    expect(countMatching(db, { runId: 'r', domain: 'addition' })).toBe(6);
  });

  it('pages forward and back through every filter exactly as a full query would, with exact totals', async () => {
    const w = await demo();
    const [model] = w.db.prepare('SELECT DISTINCT model_key FROM trial_facets').pluck().all() as string[];
    const filters: TrialFilter[] = [
      { runId: w.runId },
      { runId: w.runId, outcome: 'incorrect' },
      { runId: w.runId, modelKey: model, domain: 'anagram' },
      { runId: w.runId, templateId: 'addition-02' },
      { runId: w.runId, templateId: 'anagram-03', outcome: 'correct' },
      { runId: w.runId, bin: 0 },
      { runId: w.runId, avoidance: 'epistemic' },
      { runId: w.runId, outcome: 'error' },
      { runId: w.runId, domain: 'addition', bin: 99 },
      { runId: 'no-such-run' },
    ];
    for (const f of filters) {
      const all = expected(w, f);
      expect(countMatching(w.db, f), JSON.stringify(f)).toBe(all.length);
      expect(walkForward(w, f, 7), JSON.stringify(f)).toEqual(all);
      expect(walkBackward(w, f, 7), JSON.stringify(f)).toEqual(all);
    }
    expect(expected(w, { runId: w.runId, outcome: 'incorrect' }).length).toBeGreaterThan(20);
  });

  it('follows overrides and re-grading in lists and counts', async () => {
    const w = await demoWorkspace({ perDomain: 6 });
    const before = countMatching(w.db, { runId: w.runId, outcome: 'incorrect' });
    const row = listTrialPage(w.db, { runId: w.runId, outcome: 'correct' }, { limit: 1 }).rows[0]!;
    overrideGrade(w.db, { runId: w.runId, modelKey: row.modelKey, itemId: row.itemId, templateId: row.templateId, sample: row.sample }, { who: 'ana', reason: 'wrong digit', outcome: 'incorrect' });
    expect(countMatching(w.db, { runId: w.runId, outcome: 'incorrect' })).toBe(before + 1);
    expect(listTrialPage(w.db, { runId: w.runId, outcome: 'incorrect' }, { limit: 500 }).rows.map((r) => r.id)).toContain(row.id);
    gradeRun(w.db, w.runId, { regrade: true });
    expect(countMatching(w.db, { runId: w.runId, outcome: 'incorrect' })).toBe(before + 1);
    expect(countMatching(w.db, { runId: w.runId, outcome: 'ungraded' })).toBe(0);
  });

  it('searches text in bounded steps and finds every match', async () => {
    const w = await demo();
    const hits = searchTrialPage(w.db, { runId: w.runId }, 'onerror', { limit: 50 });
    expect(hits.rows.map((r) => [r.modelKey, r.itemId, r.templateId])).toEqual([[w.xssTrial.modelKey, w.xssTrial.itemId, w.xssTrial.templateId]]);
    expect(hits.rows[0]!.snippet).toContain('<script>');
    const know = w.db.prepare("SELECT COUNT(*) FROM trials WHERE text LIKE '%know%'").pluck().get() as number;
    let found = 0;
    let after: number | undefined;
    for (let i = 0; i < 100; i++) {
      const page = searchTrialPage(w.db, { runId: w.runId, outcome: 'avoidant' }, 'KNOW', { limit: 5, ...(after === undefined ? {} : { after }) });
      found += page.rows.length;
      if (page.next === null) break;
      after = page.next;
    }
    expect(found).toBe(know);
    expect(searchTrialPage(w.db, { runId: w.runId }, '100%_', { limit: 5 }).rows).toEqual([]);
  });
});
