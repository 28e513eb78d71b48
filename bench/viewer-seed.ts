/**
 * Seeds a workspace with `trials` graded trials straight through SQL (one transaction), for the
 * viewer benchmark: 4 models × 5 domains × 15 templates, items spread over the 30 bins (a few bins
 * sparse, as in real item sets), realistic prompt and answer lengths, and outcomes that get worse
 * with difficulty, with every avoidance sub-type. The facets and counts are then built in one pass,
 * as a run's recorder builds them (facet-sync.ts); the result is the store a real run of that size
 * leaves behind.
 */
import { DOMAIN_NAMES } from '../src/core/item.js';
import { Rng } from '../src/core/rng.js';
import { FacetSync } from '../src/store/sqlite/facet-sync.js';
import type { Db } from '../src/store/sqlite/open-workspace.js';

export const BENCH_RUN = 'run-bench-viewer';
export const BENCH_MODELS = ['gpt-large', 'gpt-small', 'llama-base', 'llama-chat'];
const TEMPLATES = 15;
const AVOIDANCE = ['empty', 'echo', 'off-topic', 'epistemic', 'clarification', 'refusal', 'meta'];

export function seedTrials(db: Db, trials: number, seed = 'viewer-bench'): { items: number; seconds: number } {
  const t0 = performance.now();
  const rng = Rng.fromSeed(seed, 'viewer');
  const perDomain = Math.ceil(trials / (BENCH_MODELS.length * TEMPLATES * DOMAIN_NAMES.length));
  const insertItem = db.prepare(`INSERT INTO items (id, domain, input_json, gold_json, difficulty_json, chosen, calibrated, bin, source_json)
    VALUES (?, ?, ?, ?, ?, 'f', ?, ?, '{}')`);
  const insertTrial = db.prepare(`INSERT INTO trials (run_id, model_key, item_id, template_id, sample, mode, prompt, status, text, finish_reason,
    input_tokens, output_tokens, cost_usd, latency_ms, attempts, cached, response_key, error_code, error_message, warnings_json, created_at)
    VALUES (?, ?, ?, ?, 0, 'chat', ?, 'answered', ?, 'stop', 60, 20, 0, 300, 1, 0, NULL, NULL, NULL, '[]', ?)`);
  const insertGrade = db.prepare(`INSERT INTO grades (run_id, model_key, item_id, template_id, sample, grader, outcome, avoidance, extracted,
    rule_id, grader_version, rationale, judge_spec, created_at) VALUES (?, ?, ?, ?, 0, 'rule', ?, ?, ?, ?, 'bench', ?, NULL, ?)`);
  let n = 0;
  db.transaction(() => {
    db.prepare(`INSERT INTO runs (id, created_at, updated_at, status, filter_json, config_json, total_trials)
      VALUES (?, '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z', 'completed', '{}', '{}', ?)`).run(BENCH_RUN, trials);
    for (const m of BENCH_MODELS) {
      db.prepare(`INSERT INTO run_models (run_id, model_key, spec, provider, model_id, mode, settings_json, samples, metadata_json, pricing_json, execution_json)
        VALUES (?, ?, ?, 'openai-compatible', ?, 'chat', '{}', 1, '{}', NULL, '{}')`).run(BENCH_RUN, m, `openai-compatible:http://127.0.0.1:1/v1#${m}`, m);
    }
    for (const domain of DOMAIN_NAMES) {
      for (let k = 0; k < perDomain && n < trials; k++) {
        const calibrated = Math.min(99.999, 100 * Math.pow(rng.float(), 1.4));
        const bin = Math.floor(calibrated / (100 / 30));
        const itemId = `${domain}-${k.toString(16).padStart(16, '0')}`;
        const a = String(rng.int(1e6, 1e9));
        const b = String(rng.int(1e6, 1e9));
        insertItem.run(itemId, domain, JSON.stringify({ a, b }), JSON.stringify({ sum: a + b }), JSON.stringify({ f: calibrated }), calibrated, bin);
        for (let t = 1; t <= TEMPLATES && n < trials; t++) {
          const templateId = `${domain}-${String(t).padStart(2, '0')}`;
          for (const model of BENCH_MODELS) {
            if (n >= trials) break;
            const prompt = `Could you please work this out for me and give me just the result at the end? Here is the task (${domain}, phrasing ${t}): ${a} and ${b}. Thanks a lot in advance!`;
            const roll = rng.float();
            const pWrong = 0.05 + 0.6 * (calibrated / 100);
            const outcome = roll < pWrong ? 'incorrect' : roll < pWrong + 0.1 ? 'avoidant' : 'correct';
            const avoidance = outcome === 'avoidant' ? (AVOIDANCE[rng.int(0, AVOIDANCE.length - 1)] as string) : null;
            const text = outcome === 'avoidant' ? `I'm sorry, but I cannot be certain about ${a} and ${b}; could you clarify what you need?` : `Let me work through it step by step. The answer is ${outcome === 'correct' ? a + b : b + a}. I hope this helps!`;
            insertTrial.run(BENCH_RUN, model, itemId, templateId, prompt, text, '2026-11-28T00:00:00Z');
            insertGrade.run(BENCH_RUN, model, itemId, templateId, outcome, avoidance, outcome === 'avoidant' ? null : a + b, `bench-${outcome}`,
              `${outcome}: the extracted answer compared with the gold`, '2026-11-28T00:00:00Z');
            n++;
          }
        }
      }
    }
  })();
  db.transaction(() => new FacetSync(db).addAfter(0))();
  return { items: perDomain * DOMAIN_NAMES.length, seconds: (performance.now() - t0) / 1000 };
}
