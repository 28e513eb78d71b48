/**
 * Fills a workspace (items already generated) with a stored study of `models` models × every item ×
 * 15 templates, without calling any model: each trial gets a realistic response (bench-only synthetic
 * styles from the grader's test support: bare, chatty, markdown, chain of thought, hedges, refusals,
 * run-ons, echoes…) chosen so that a model answers easy items correctly more often than hard ones
 * (a logistic curve over calibrated difficulty with a per-model midpoint), and some avoid. The prompt
 * is the real rendered template. Used by bench/scale.bench.ts to grade, analyse and report at scale.
 */
import type { Item } from '../src/core/item.js';
import { getDomain } from '../src/domains/registry.js';
import { promptFor } from '../src/grading/test-support/items.js';
import { syntheticResponses } from '../src/grading/test-support/synthetic-responses.js';
import { loadItems } from '../src/store/sqlite/items-repo.js';
import { openWorkspace } from '../src/store/sqlite/open-workspace.js';
import { createRun, saveRunModel, setRunStatus, setRunTotal } from '../src/store/sqlite/runs-repo.js';
import { TrialsRepo, type TrialRecord } from '../src/store/sqlite/trials-repo.js';

/** Positions in syntheticResponses(): correct-looking, wrong, and avoidant styles. */
const CORRECT = [0, 1, 2, 4, 5, 17, 18];
const WRONG = [3, 7, 13, 6];
const AVOID = [8, 9, 10, 11, 14, 15, 16, 19, 12];

function unit(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

export interface FillResult {
  runId: string;
  trials: number;
  seconds: number;
}

export function modelKey(m: number): string {
  return `sim-${String(m).padStart(2, '0')}`;
}

/** Writes run `scale` with `models` models; returns the trial count. */
export function fillStudy(workspace: string, models: number): FillResult {
  const started = performance.now();
  const db = openWorkspace(workspace);
  const runId = 'scale';
  const items = loadItems(db);
  createRun(db, { id: runId, config: { bench: 'scale', models } });
  for (let m = 0; m < models; m++) {
    saveRunModel(db, runId, {
      modelKey: modelKey(m), spec: `replay:bench-${m}.jsonl`, provider: 'replay', modelId: modelKey(m), mode: 'chat', settings: {}, samples: 1,
      metadata: { family: `fam-${m % 8}`, sizeB: 2 ** (m % 8), shaping: m % 2 === 0 ? 'raw' : 'shaped' }, pricing: null, execution: {},
    });
  }
  const repo = new TrialsRepo(db);
  const createdAt = new Date().toISOString();
  let batch: TrialRecord[] = [];
  const flush = db.transaction((rows: TrialRecord[]) => {
    for (const row of rows) repo.save(row);
  });
  let trials = 0;
  items.forEach((item: Item, i: number) => {
    const styles = syntheticResponses(item, 0);
    const templates = getDomain(item.domain).templates;
    for (let m = 0; m < models; m++) {
      const midpoint = 25 + ((m * 7 + i) % 3) * 5 + (m * 13) % 50;
      const pCorrect = 1 / (1 + Math.exp((item.difficulty.calibrated - midpoint) / 8));
      templates.forEach((template, t) => {
        const u = unit(i, m, t);
        const pool = u < pCorrect ? CORRECT : u < pCorrect + (1 - pCorrect) * (0.2 + (m % 4) * 0.1) ? AVOID : WRONG;
        const style = styles[pool[Math.floor(unit(m, t, i) * pool.length)] as number] ?? styles[0];
        if (!style) return;
        batch.push({
          runId, modelKey: modelKey(m), itemId: item.id, templateId: template.id, sample: 0, mode: style.mode,
          prompt: promptFor(item, t + 1, style.mode), status: 'answered', text: style.response, finishReason: 'stop',
          inputTokens: 40, outputTokens: 12, costUsd: 0, latencyMs: 1, attempts: 1, cached: false, responseKey: null,
          errorCode: null, errorMessage: null, warnings: [], createdAt,
        });
        trials++;
        if (batch.length >= 20_000) {
          flush(batch);
          batch = [];
        }
      });
    }
  });
  flush(batch);
  setRunTotal(db, runId, trials);
  setRunStatus(db, runId, 'completed');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { runId, trials, seconds: (performance.now() - started) / 1000 };
}
