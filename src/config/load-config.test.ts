import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConfig, loadConfig } from './load-config.js';
import { ReliabenchError } from '../core/errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'rb-config-'));
async function errorOf(p: Promise<unknown>): Promise<ReliabenchError> {
  try {
    await p;
  } catch (e) {
    return e as ReliabenchError;
  }
  throw new Error('expected an error');
}

const full = {
  workspace: 'ws.sqlite',
  generate: { domains: ['addition', 'science'], perDomain: 50, seed: 7 },
  models: [
    { spec: 'openai:gpt-4o-mini', key: 'mini', maxTokens: { transforms: 2000 }, temperature: 0, pricing: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      metadata: { family: 'gpt-4o', shaped: true } },
    { spec: 'openai-compatible:http://127.0.0.1:8000/v1#base', samples: 3, temperature: 0.7, concurrency: { start: 4, floor: 1, ceiling: 32 } },
  ],
  filter: { difficulty: { min: 0, max: 40 }, limitPerDomain: 10 },
};

describe('config files', () => {
  it('reads the same config from JSON, YAML and TypeScript', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.json'), JSON.stringify(full));
    writeFileSync(join(d, 'a.yaml'), `workspace: ws.sqlite
generate: { domains: [addition, science], perDomain: 50, seed: 7 }
models:
  - spec: openai:gpt-4o-mini
    key: mini
    maxTokens: { transforms: 2000 }
    temperature: 0
    pricing: { inputPerMTok: 0.15, outputPerMTok: 0.6 }
    metadata: { family: gpt-4o, shaped: true }
  - spec: "openai-compatible:http://127.0.0.1:8000/v1#base"
    samples: 3
    temperature: 0.7
    concurrency: { start: 4, floor: 1, ceiling: 32 }
filter: { difficulty: { min: 0, max: 40 }, limitPerDomain: 10 }
`);
    writeFileSync(join(d, 'a.ts'), `const config: Record<string, unknown> = ${JSON.stringify(full)};\nexport default config;\n`);
    for (const f of ['a.json', 'a.yaml', 'a.ts']) expect(await loadConfig(join(d, f))).toEqual(full);
  });

  it('finds a default-named file in the folder, and none when there is none', () => {
    const d = dir();
    expect(findConfig(undefined, d)).toBeUndefined();
    writeFileSync(join(d, 'reliabench.config.yaml'), 'models: []\n');
    expect(findConfig(undefined, d)).toBe(join(d, 'reliabench.config.yaml'));
  });

  it('names a missing --config file', () => {
    expect(() => findConfig('/no/such/reliabench.config.json')).toThrow(/config \/no\/such\/reliabench.config.json: the file does not exist/);
  });

  it.each([
    ['an unknown key (typo)', { modles: [] }, /\(top level\): Unrecognized key: "modles"/],
    ['a wrong type', { models: [{ spec: 'openai:x', temperature: 'hot' }] }, /models\.0\.temperature: Invalid input: expected number, received string/],
    ['a bad range', { filter: { difficulty: { min: 50, max: 10 } } }, /filter\.difficulty: needs min ≤ max/],
    ['inconsistent concurrency', { models: [{ spec: 'ollama:x', concurrency: { start: 1, floor: 2, ceiling: 3 } }] }, /models\.0\.concurrency: needs floor ≤ start ≤ ceiling/],
    ['an unknown domain', { generate: { domains: ['poetry'] } }, /generate\.domains\.0: Invalid option/],
  ])('rejects %s with the field named, on one line', async (_what, value, message) => {
    const path = join(dir(), 'c.json');
    writeFileSync(path, JSON.stringify(value));
    const e = await errorOf(loadConfig(path));
    expect(e.code).toBe('BAD_CONFIG');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('reports a syntax error in YAML or JSON as unreadable, naming the file', async () => {
    const d = dir();
    writeFileSync(join(d, 'bad.yaml'), 'models: [unclosed\n');
    writeFileSync(join(d, 'bad.json'), '{"models": [}');
    for (const f of ['bad.yaml', 'bad.json']) {
      const e = await errorOf(loadConfig(join(d, f)));
      expect(e.message).toMatch(new RegExp(`${f}: cannot be read: `));
      expect(e.message).not.toContain('\n');
    }
  });
});
