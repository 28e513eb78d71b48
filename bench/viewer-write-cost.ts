import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Db } from '../src/store/sqlite/open-workspace.js';

/**
 * What the viewer's triggers (migration 4) add to storing trials and grades: the same inserts into
 * two fresh stores, one with the triggers and one without, in transactions of 1,000 (as the grader
 * and the engine write). Microseconds per trial (trial + its rule grade).
 */
export function triggerCost(trials: number): { trials: number; with: number; without: number } {
  const measure = (dropTriggers: boolean): number => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-viewer-cost-'));
    const db = openWorkspace(join(dir, 'w.sqlite'));
    if (dropTriggers) {
      const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'trials_facet_%' OR name LIKE 'grades_facet_%' OR name LIKE 'trial_facets_count_%')`).pluck().all() as string[];
      for (const n of names) db.exec(`DROP TRIGGER ${n}`);
    }
    const us = insertAll(db, trials);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return us;
  };
  measure(false); // warm-up
  return { trials, without: measure(true), with: measure(false) };
}

function insertAll(db: Db, trials: number): number {
  db.exec(`INSERT INTO runs (id, created_at, updated_at, status, filter_json, config_json) VALUES ('r', 'x', 'x', 'completed', '{}', '{}');
    INSERT INTO run_models VALUES ('r', 'm', 's', 'p', 'm', 'chat', '{}', 1, '{}', NULL, '{}');`);
  const item = db.prepare(`INSERT INTO items VALUES (?, 'addition', '{}', '{}', '{}', 'f', 1, ?, '{}')`);
  for (let i = 0; i < 500; i++) item.run(`addition-${i}`, i % 30);
  const trial = db.prepare(`INSERT INTO trials (run_id, model_key, item_id, template_id, sample, mode, prompt, status, text, finish_reason, input_tokens,
    output_tokens, cost_usd, latency_ms, attempts, cached, response_key, error_code, error_message, warnings_json, created_at)
    VALUES ('r', 'm', ?, ?, ?, 'chat', 'What is 123456 + 654321? Please answer with the number only.', 'answered', 'The answer is 777777.', 'stop', 20, 8, 0, 300, 1, 0, NULL, NULL, NULL, '[]', 'x')`);
  const grade = db.prepare(`INSERT INTO grades VALUES ('r', 'm', ?, ?, ?, 'rule', 'correct', NULL, '777777', 'stated-answer', '1', 'correct: matches the gold', NULL, 'x')`);
  const t0 = performance.now();
  for (let start = 0; start < trials; start += 1_000) {
    db.transaction(() => {
      for (let n = start; n < Math.min(trials, start + 1_000); n++) {
        const key = [`addition-${n % 500}`, `addition-${String(1 + (Math.floor(n / 500) % 15)).padStart(2, '0')}`, Math.floor(n / 7_500)] as const;
        trial.run(...key);
        grade.run(...key);
      }
    })();
  }
  return ((performance.now() - t0) * 1000) / trials;
}
