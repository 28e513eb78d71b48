import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FacetSync } from '../src/store/sqlite/facet-sync.js';
import { openWorkspace, type Db } from '../src/store/sqlite/open-workspace.js';

/**
 * What keeping the viewer's facets and counts adds to storing trials and grades: the same inserts
 * into two fresh stores, in transactions of 1,000, one store keeping its facets as a run and the
 * grader do (facet-sync.ts: each transaction of trials adds their facets in one statement, each of
 * rule grades applies them in one) and one with no facets at all (its remaining viewer triggers
 * dropped, nothing synced). Microseconds per trial (trial + its rule grade).
 */
export function facetCost(trials: number): { trials: number; with: number; without: number } {
  const measure = (withFacets: boolean): number => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-viewer-cost-'));
    const db = openWorkspace(join(dir, 'w.sqlite'));
    if (!withFacets) {
      const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'trials_facet_%' OR name LIKE 'grades_facet_%' OR name LIKE 'trial_facets_count_%')`).pluck().all() as string[];
      for (const n of names) db.exec(`DROP TRIGGER ${n}`);
    }
    const us = insertAll(db, trials, withFacets);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return us;
  };
  measure(true); // warm-up
  return { trials, without: measure(false), with: measure(true) };
}

function insertAll(db: Db, trials: number, withFacets: boolean): number {
  db.exec(`INSERT INTO runs (id, created_at, updated_at, status, filter_json, config_json) VALUES ('r', 'x', 'x', 'completed', '{}', '{}');
    INSERT INTO run_models VALUES ('r', 'm', 's', 'p', 'm', 'chat', '{}', 1, '{}', NULL, '{}');`);
  const item = db.prepare(`INSERT INTO items VALUES (?, 'addition', '{}', '{}', '{}', 'f', 1, ?, '{}')`);
  for (let i = 0; i < 500; i++) item.run(`addition-${i}`, i % 30);
  const trial = db.prepare(`INSERT INTO trials (run_id, model_key, item_id, template_id, sample, mode, prompt, status, text, finish_reason, input_tokens,
    output_tokens, cost_usd, latency_ms, attempts, cached, response_key, error_code, error_message, warnings_json, created_at)
    VALUES ('r', 'm', ?, ?, ?, 'chat', 'What is 123456 + 654321? Please answer with the number only.', 'answered', 'The answer is 777777.', 'stop', 20, 8, 0, 300, 1, 0, NULL, NULL, NULL, '[]', 'x')`);
  const grade = db.prepare(`INSERT INTO grades VALUES ('r', 'm', ?, ?, ?, 'rule', 'correct', NULL, '777777', 'stated-answer', '1', 'correct: matches the gold', NULL, 'x')`);
  const sync = new FacetSync(db);
  const keyOf = (n: number) => [`addition-${n % 500}`, `addition-${String(1 + (Math.floor(n / 500) % 15)).padStart(2, '0')}`, Math.floor(n / 7_500)] as const;
  const t0 = performance.now();
  let mark = sync.trialMark();
  for (let start = 0; start < trials; start += 1_000) {
    db.transaction(() => {
      for (let n = start; n < Math.min(trials, start + 1_000); n++) trial.run(...keyOf(n));
      if (withFacets) mark = sync.addAfter(mark);
    })();
  }
  for (let start = 0; start < trials; start += 1_000) {
    db.transaction(() => {
      const gradeMark = sync.gradeMark();
      for (let n = start; n < Math.min(trials, start + 1_000); n++) grade.run(...keyOf(n));
      if (withFacets) sync.applyRuleGradesAfter(gradeMark);
    })();
  }
  return ((performance.now() - t0) * 1000) / trials;
}
