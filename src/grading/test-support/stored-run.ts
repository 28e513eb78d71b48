import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../../core/item.js';
import { generateItems } from '../../generate/generate-items.js';
import { saveItems } from '../../store/sqlite/items-repo.js';
import { openWorkspace, type Db } from '../../store/sqlite/open-workspace.js';
import { createRun, saveRunModel } from '../../store/sqlite/runs-repo.js';
import { TrialsRepo, type TrialRecord } from '../../store/sqlite/trials-repo.js';

export interface StoredRun {
  db: Db;
  path: string;
  items: Item[];
  runId: string;
}

/** A real workspace file with `count` real addition items and an empty run of model 'm'. */
export async function storedRun(count: number): Promise<StoredRun> {
  const path = join(mkdtempSync(join(tmpdir(), 'rb-grades-')), 'w.sqlite');
  const db = openWorkspace(path);
  const { items } = await generateItems({ domains: ['addition'], perDomain: count, seed: 3 });
  saveItems(db, items);
  createRun(db, { id: 'r1' });
  saveRunModel(db, 'r1', {
    modelKey: 'm', spec: 'openai-compatible:http://127.0.0.1:1/v1#m', provider: 'openai-compatible', modelId: 'm', mode: 'chat',
    settings: {}, samples: 1, metadata: {}, pricing: null, execution: {},
  });
  return { db, path, items, runId: 'r1' };
}

/** Stores one trial of `item` through template addition-01 with `text` as the answer (null = an error). */
export function storeTrial(run: StoredRun, item: Item, text: string | null, templateId = 'addition-01'): void {
  const a = item.input['a'] ?? '';
  const b = item.input['b'] ?? '';
  const t: TrialRecord = {
    runId: run.runId, modelKey: 'm', itemId: item.id, templateId, sample: 0, mode: 'chat', prompt: `What is ${a} + ${b}?`,
    status: text === null ? 'error' : 'answered', text, finishReason: text === null ? null : 'stop', inputTokens: null, outputTokens: null,
    costUsd: 0, latencyMs: 1, attempts: 1, cached: false, responseKey: null, errorCode: text === null ? 'SERVER_ERROR' : null,
    errorMessage: text === null ? 'HTTP 500' : null, warnings: [], createdAt: '2026-11-28T00:00:00.000Z',
  };
  new TrialsRepo(run.db).save(t);
}

export function goldSum(item: Item): string {
  return (item.gold as { sum: string }).sum;
}
