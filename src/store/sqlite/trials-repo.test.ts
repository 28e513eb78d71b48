import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from './open-workspace.js';
import { createRun, saveRunModel } from './runs-repo.js';
import { countTrials, iterateTrials, TrialsRepo, trialKeyString, type TrialRecord } from './trials-repo.js';

function setup() {
  const db = openWorkspace(join(mkdtempSync(join(tmpdir(), 'rb-trials-')), 'w.sqlite'));
  createRun(db, { id: 'r' });
  saveRunModel(db, 'r', {
    modelKey: 'm', spec: 'ollama:llama3.2', provider: 'ollama', modelId: 'llama3.2', mode: 'chat', settings: {}, samples: 2,
    metadata: {}, pricing: null, execution: {},
  });
  return { db, repo: new TrialsRepo(db) };
}

const answered = (over: Partial<TrialRecord> = {}): TrialRecord => ({
  runId: 'r', modelKey: 'm', itemId: 'addition-1', templateId: 'addition-01', sample: 0, mode: 'chat', prompt: 'What is 1 + 2?',
  status: 'answered', text: '3', finishReason: 'stop', inputTokens: 5, outputTokens: 1, costUsd: 0.001, latencyMs: 12, attempts: 1,
  cached: false, responseKey: 'k1', errorCode: null, errorMessage: null, warnings: ['seed not supported'], createdAt: '2026-11-28T00:00:00.000Z',
  ...over,
});
const failed = (over: Partial<TrialRecord> = {}): TrialRecord => answered({
  status: 'error', text: null, finishReason: null, inputTokens: null, outputTokens: null, costUsd: 0, attempts: 4, responseKey: null,
  errorCode: 'SERVER_ERROR', errorMessage: 'ollama: HTTP 500 server error', warnings: [], ...over,
});

describe('trials repo', () => {
  it('writes a trial once: the same key again changes nothing', () => {
    const { db, repo } = setup();
    expect(repo.save(answered())).toBe(true);
    expect(repo.save(answered({ text: 'different' }))).toBe(false);
    expect([...iterateTrials(db, 'r')]).toEqual([answered()]);
  });

  it('replaces an error row by a later result, but never an answered row by an error', () => {
    const { db, repo } = setup();
    expect(repo.save(failed())).toBe(true);
    expect(repo.save(failed({ errorMessage: 'again', attempts: 2 }))).toBe(true);
    expect([...iterateTrials(db, 'r')][0]).toMatchObject({ status: 'error', errorMessage: 'again', attempts: 2 });
    expect(repo.save(answered())).toBe(true);
    expect(repo.save(failed())).toBe(false);
    expect([...iterateTrials(db, 'r')]).toEqual([answered()]);
    expect(countTrials(db, 'r').total).toBe(1);
  });

  it('lists stored keys per model, optionally answered only, and counts', () => {
    const { db, repo } = setup();
    repo.save(answered());
    repo.save(answered({ sample: 1, cached: true, costUsd: 0 }));
    repo.save(failed({ templateId: 'addition-02' }));
    expect(repo.storedKeys('r', 'm')).toEqual(new Set([
      trialKeyString('addition-1', 'addition-01', 0), trialKeyString('addition-1', 'addition-01', 1), trialKeyString('addition-1', 'addition-02', 0),
    ]));
    expect(repo.storedKeys('r', 'm', true).size).toBe(2);
    expect(repo.storedKeys('r', 'other').size).toBe(0);
    expect(countTrials(db, 'r')).toEqual({ total: 3, answered: 2, errors: 1, cached: 1, inputTokens: 10, outputTokens: 2, costUsd: 0.001 });
    expect(countTrials(db, 'r', 'nobody').total).toBe(0);
  });

  it('refuses inconsistent rows: an answer without text, an error without a code, an unknown model', () => {
    const { repo } = setup();
    expect(() => repo.save(answered({ text: null }))).toThrow(/CHECK/);
    expect(() => repo.save(failed({ errorCode: null }))).toThrow(/CHECK/);
    expect(() => repo.save(answered({ modelKey: 'ghost' }))).toThrow(/FOREIGN KEY/);
  });
});
