import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import { ModelError } from '../model-adapter.js';
import { createAdapter } from '../create-adapter.js';
import { NEVER } from '../../test-support/model-server/adapters-under-test.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliabench-replay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, lines: (string | object)[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return path;
}

const settings = { temperature: 0, maxTokens: 32 };

describe('replay adapter', () => {
  it('answers by item, template and sample, with the recorded fields', async () => {
    const path = await file('ok.jsonl', [
      { itemId: 'addition-aa', templateId: 'addition-01', sampleIndex: 0, text: '42', finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 1 }, latencyMs: 812, source: 'lab-run-3' },
      { itemId: 'addition-aa', templateId: 'addition-01', sampleIndex: 1, text: '41', finishReason: 'length' },
      '',
      { itemId: 'addition-aa', templateId: 'addition-02', text: 'forty-two' },
    ]);
    const adapter = await createAdapter(`replay:${path}`, {});
    expect([adapter.provider, adapter.modelId, adapter.mode]).toEqual(['replay', path, 'chat']);
    const key = { itemId: 'addition-aa', templateId: 'addition-01' };
    const first = await adapter.generate({ prompt: 'What is 20 + 22?', settings, sampleIndex: 0, key }, NEVER);
    expect(first).toEqual({
      text: '42',
      finishReason: 'stop',
      usage: { inputTokens: 9, outputTokens: 1 },
      raw: { itemId: 'addition-aa', templateId: 'addition-01', sampleIndex: 0, text: '42', finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 1 }, latencyMs: 812, source: 'lab-run-3' },
      warnings: [],
      latencyMs: 812,
    });
    expect((await adapter.generate({ prompt: 'p', settings, sampleIndex: 1, key }, NEVER)).finishReason).toBe('length');
    const defaulted = await adapter.generate({ prompt: 'p', settings, sampleIndex: 0, key: { itemId: 'addition-aa', templateId: 'addition-02' } }, NEVER);
    expect(defaulted).toMatchObject({ text: 'forty-two', finishReason: 'stop', usage: {}, latencyMs: 0 });
  });

  it('falls back to the prompt for files without ids, and warns when a recorded prompt differs', async () => {
    const path = await file('prompts.jsonl', [
      { prompt: 'Spell cat backwards.', text: 'tac' },
      { itemId: 'anagram-1', templateId: 'anagram-01', prompt: 'old wording', text: 'listen' },
    ]);
    const adapter = await createAdapter(`replay:${path}?mode=completion`, {});
    expect(adapter.mode).toBe('completion');
    expect((await adapter.generate({ prompt: 'Spell cat backwards.', settings, sampleIndex: 0 }, NEVER)).text).toBe('tac');
    const keyed = await adapter.generate({ prompt: 'new wording', settings, sampleIndex: 0, key: { itemId: 'anagram-1', templateId: 'anagram-01' } }, NEVER);
    expect(keyed.warnings).toEqual(['replay: the prompt recorded on line 2 differs from the prompt rendered now']);
  });

  it('a request with no recorded response is a BAD_REQUEST naming the key', async () => {
    const path = await file('one.jsonl', [{ itemId: 'a', templateId: 't', text: 'x' }]);
    const adapter = await createAdapter(`replay:${path}`, {});
    const error = await adapter.generate({ prompt: 'p', settings, sampleIndex: 3, key: { itemId: 'a', templateId: 't' } }, NEVER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('BAD_REQUEST');
    expect((error as ModelError).message).toContain('no recorded response for item a, template t, sample 3');
  });

  it('honours an aborted signal', async () => {
    const path = await file('abort.jsonl', [{ itemId: 'a', templateId: 't', text: 'x' }]);
    const adapter = await createAdapter(`replay:${path}`, {});
    const controller = new AbortController();
    controller.abort();
    const error = await adapter.generate({ prompt: 'p', settings, sampleIndex: 0, key: { itemId: 'a', templateId: 't' } }, controller.signal).catch((e: unknown) => e);
    expect((error as ModelError).code).toBe('CANCELLED');
  });
});

describe('replay file errors name the line and the field', () => {
  const CASES: [string, (string | object)[], RegExp][] = [
    ['bad JSON', [{ itemId: 'a', templateId: 't', text: 'x' }, '{"itemId": "b", "text": '], /line 2: not valid JSON/],
    ['missing text', [{ itemId: 'a', templateId: 't' }], /line 1: field "text" Invalid input: expected string, received undefined/],
    ['bad sampleIndex', ['', { itemId: 'a', templateId: 't', sampleIndex: -1, text: 'x' }], /line 2: field "sampleIndex"/],
    ['bad finishReason', [{ itemId: 'a', templateId: 't', text: 'x', finishReason: 'done' }], /line 1: field "finishReason"/],
    ['half a key', [{ itemId: 'a', text: 'x' }], /line 1: field "templateId" is missing/],
    ['no key at all', [{ text: 'x' }], /line 1: field "itemId" is missing/],
    ['duplicate', [{ itemId: 'a', templateId: 't', text: 'x' }, { itemId: 'a', templateId: 't', text: 'y' }], /line 2: item a, template t, sample 0 is already on line 1/],
    ['empty file', ['', '  '], /has no records/],
  ];
  it.each(CASES)('%s', async (name, lines, message) => {
    const path = await file(`${name.replace(/\s/g, '-')}.jsonl`, lines);
    const error = await createAdapter(`replay:${path}`, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReliabenchError);
    expect((error as ReliabenchError).code).toBe('REPLAY_FILE_INVALID');
    expect((error as ReliabenchError).message).toMatch(message);
    expect((error as ReliabenchError).message).toContain(path);
  });

  it('a missing file says so', async () => {
    const error = await createAdapter(`replay:${join(dir, 'nope.jsonl')}`, {}).catch((e: unknown) => e);
    expect((error as ReliabenchError).message).toMatch(/Cannot read replay file .*nope\.jsonl \(no such file\)/);
  });
});
