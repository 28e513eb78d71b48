import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, schemaVersion } from './open-workspace.js';
import { createRun, getRun, getRunModels, listRuns, newRunId, saveRunModel, setRunStatus, setRunTotal, type RunModelRecord } from './runs-repo.js';

const db = () => openWorkspace(join(mkdtempSync(join(tmpdir(), 'rb-runs-')), 'w.sqlite'));

const model: RunModelRecord = {
  modelKey: 'mini',
  spec: 'openai:gpt-4o-mini',
  provider: 'openai',
  modelId: 'gpt-4o-mini',
  mode: 'chat',
  settings: { addition: { temperature: 0, maxTokens: 256 } },
  samples: 1,
  metadata: { family: 'gpt-4o', shaped: true },
  pricing: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  execution: { timeoutMs: 60000 },
};

describe('runs repo', () => {
  it('has the run tables (schema version 2 or later)', () => {
    const d = db();
    expect(schemaVersion(d)).toBeGreaterThanOrEqual(2);
    const tables = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['runs', 'run_models', 'trials', 'response_cache']));
  });

  it('creates a run once, keeps its creation data on a second create, and moves its status', () => {
    const d = db();
    const t0 = new Date('2026-11-28T10:00:00Z');
    expect(createRun(d, { id: 'run-a', itemSetId: null, filter: { domains: ['addition'] }, config: { seed: 1 } }, t0)).toBe(true);
    expect(createRun(d, { id: 'run-a', filter: { other: true } })).toBe(false);
    expect(getRun(d, 'run-a')).toEqual({
      id: 'run-a', createdAt: t0.toISOString(), updatedAt: t0.toISOString(), status: 'running', statusReason: null,
      itemSetId: null, filter: { domains: ['addition'] }, config: { seed: 1 }, totalTrials: null,
    });
    setRunStatus(d, 'run-a', 'failed', 'server unreachable', new Date('2026-11-28T10:05:00Z'));
    setRunTotal(d, 'run-a', 42);
    expect(getRun(d, 'run-a')).toMatchObject({ status: 'failed', statusReason: 'server unreachable', updatedAt: '2026-11-28T10:05:00.000Z', totalTrials: 42 });
    expect(getRun(d, 'nope')).toBeUndefined();
  });

  it('rejects a status outside the four, and an item set that does not exist', () => {
    const d = db();
    createRun(d, { id: 'r' });
    expect(() => d.prepare("UPDATE runs SET status = 'paused' WHERE id = 'r'").run()).toThrow(/CHECK/);
    expect(() => createRun(d, { id: 'r2', itemSetId: 'set-missing' })).toThrow(/FOREIGN KEY/);
  });

  it('stores models round-trip, first write wins', () => {
    const d = db();
    createRun(d, { id: 'r' });
    expect(saveRunModel(d, 'r', model)).toBe(true);
    expect(saveRunModel(d, 'r', { ...model, spec: 'changed' })).toBe(false);
    expect(saveRunModel(d, 'r', { ...model, modelKey: 'base', mode: 'completion', pricing: null })).toBe(true);
    expect(getRunModels(d, 'r')).toEqual([model, { ...model, modelKey: 'base', mode: 'completion', pricing: null }]);
    expect(() => saveRunModel(d, 'missing-run', model)).toThrow(/FOREIGN KEY/);
  });

  it('lists runs newest first and makes sortable ids', () => {
    const d = db();
    createRun(d, { id: 'old' }, new Date('2026-01-01T00:00:00Z'));
    createRun(d, { id: 'new' }, new Date('2026-02-01T00:00:00Z'));
    expect(listRuns(d).map((r) => r.id)).toEqual(['new', 'old']);
    expect(newRunId(new Date('2026-11-28T14:15:03.123Z'), 'beef')).toBe('run-20261128-141503-beef');
    expect(newRunId()).toMatch(/^run-\d{8}-\d{6}-[0-9a-f]{4}$/);
  });
});
