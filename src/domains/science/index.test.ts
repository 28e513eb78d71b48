import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../core/rng.js';
import { binOf, BIN_COUNT, type Item, type ItemDraft } from '../../core/item.js';
import { canonicalJson } from '../../core/hash.js';
import { ReliabenchError } from '../../core/errors.js';
import type { ProgressEvent } from '../../core/domain.js';
import { scienceDomain, type ScienceGold } from './index.js';
import { clearScienceBankCache } from './bank-cache.js';
import { realScienceDataPath } from './test-support/science-data.js';

const DATA = realScienceDataPath();
const BANK_SIZE = 9675;
const generate = (seed: string | number, count: number) =>
  scienceDomain.generate(Rng.fromSeed(seed, 'science'), { count, scienceDataPath: DATA });

function asItem(draft: ItemDraft<ScienceGold>): Item<ScienceGold> {
  const calibrated = scienceDomain.calibrate(draft.difficulty);
  return {
    id: 'science-test',
    domain: 'science',
    input: draft.input,
    gold: draft.gold,
    difficulty: { values: draft.difficulty, chosen: 'f_hum', calibrated, bin: binOf(calibrated) },
    source: draft.source,
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('scienceDomain', () => {
  it('generates the whole bank when asked for more (cold load timed and printed)', async () => {
    clearScienceBankCache();
    const events: ProgressEvent[] = [];
    const started = performance.now();
    const all = await scienceDomain.generate(Rng.fromSeed(1, 'science'), { count: 1_000_000, scienceDataPath: DATA, onProgress: (e) => events.push(e) });
    console.log(`science: generated the full bank of ${all.length} items in ${(performance.now() - started).toFixed(0)} ms (cold)`);
    expect(all).toHaveLength(BANK_SIZE);
    expect(new Set(all.map((d) => canonicalJson(d.input))).size).toBe(BANK_SIZE);
    expect(events[events.length - 1]).toEqual({ stage: 'load science questions', done: 18, total: 18 });
  });

  it('has the Domain shape', () => {
    expect(scienceDomain.name).toBe('science');
    expect(scienceDomain.templates).toHaveLength(15);
    expect(scienceDomain.difficultyFunctions.map((f) => f.name)).toContain(scienceDomain.chosenDifficulty);
    expect(scienceDomain.chosenDifficulty).toBe('f_hum');
  });

  it('gives every item a gold key that points at one of its 4 options (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.nat(), async (count, seed) => {
        const drafts = await generate(seed, count);
        expect(drafts).toHaveLength(count);
        for (const d of drafts) {
          const index = 'ABCD'.indexOf(d.gold.answer);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(d.gold.options).toHaveLength(4);
          expect(d.gold.answerText).toBe(d.gold.options[index]);
          expect(d.input['options']?.split('\n')[index]).toBe(`${d.gold.answer}. ${d.gold.answerText}`);
          expect(scienceDomain.check(asItem(d), d.gold.answer)).toBe(true);
          expect(scienceDomain.check(asItem(d), d.gold.answerText)).toBe(true);
          const wrong = 'ABCD'[(index + 1) % 4] as string;
          expect(scienceDomain.check(asItem(d), `(${wrong})`)).toBe(false);
        }
        expect(new Set(drafts.map((d) => canonicalJson(d.input))).size).toBe(count);
      }),
      { numRuns: 15 },
    );
  });

  it('is deterministic: the same seed gives the same items, another seed others', async () => {
    const a = await generate('seed-7', 300);
    const b = await generate('seed-7', 300);
    const c = await generate('seed-8', 300);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).not.toBe(canonicalJson(c));
  });

  it('spreads 1000 items over at least 20 of the 30 calibrated bins and every level', async () => {
    const drafts = await generate(42, 1000);
    const bins = new Map<number, number>();
    for (const d of drafts) {
      const b = binOf(scienceDomain.calibrate(d.difficulty));
      bins.set(b, (bins.get(b) ?? 0) + 1);
    }
    console.log(`science: 1000 items cover ${bins.size} of ${BIN_COUNT} bins`);
    expect(bins.size).toBeGreaterThanOrEqual(20);
    const levels = new Map<number, number>();
    for (const d of drafts) levels.set(d.difficulty['f_hum'] as number, (levels.get(d.difficulty['f_hum'] as number) ?? 0) + 1);
    expect(levels.size).toBe(17);
    expect(Math.min(...levels.values())).toBeGreaterThanOrEqual(58); // 1000 / 17 ≈ 58.8, every level has more
  });

  it('keeps provenance and every candidate difficulty value', async () => {
    const drafts = await generate(3, 200);
    const arc = drafts.find((d) => d.source['bank'] !== 'MMLU');
    const mmlu = drafts.find((d) => d.source['bank'] === 'MMLU');
    expect(Object.keys(arc?.source ?? {}).sort()).toEqual(['bank', 'file', 'grade', 'questionId']);
    expect(Object.keys(mmlu?.source ?? {}).sort()).toEqual(['bank', 'row', 'subject', 'tier']);
    for (const d of drafts) {
      expect(Object.keys(d.difficulty).sort()).toEqual(['f_hum', 'grade_level', 'question_words', 'source_tier', 'within_level']);
      expect(d.input['options_inline']).toMatch(/^\(A\) .+ \(B\) .+ \(C\) .+ \(D\) .+$/s);
    }
  });

  it('returns nothing for count 0 and rejects a bad count', async () => {
    expect(await generate(1, 0)).toEqual([]);
    const e = await generate(1, -3).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ReliabenchError);
    expect((e as ReliabenchError).code).toBe('BAD_ARGUMENT');
  });

  it('reads the folder from RELIABENCH_SCIENCE_DATA when no option is given, and errors clearly on a bad one', async () => {
    vi.stubEnv('RELIABENCH_SCIENCE_DATA', DATA);
    expect(await scienceDomain.generate(Rng.fromSeed(5), { count: 3 })).toHaveLength(3);
    vi.stubEnv('RELIABENCH_SCIENCE_DATA', '/definitely/not/here');
    const e = await scienceDomain.generate(Rng.fromSeed(5), { count: 3 }).then(() => undefined, (x: unknown) => x);
    expect((e as ReliabenchError).code).toBe('SCIENCE_DATA_MISSING');
    expect((e as ReliabenchError).message).toContain('/definitely/not/here');
  });
});
