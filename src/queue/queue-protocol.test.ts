import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limiterWindow, parseTrialJob, parseTrialJobId, queueName, RATE_MARGIN, trialJobId, TrialOutcomeSchema } from './queue-protocol.js';

describe('limiterWindow', () => {
  it('never lets jobs start faster than the margin below the limit, and stays close to it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 100_000, noNaN: true }), (rate) => {
        const { max, duration } = limiterWindow(rate);
        const allowed = (1000 * max) / duration;
        expect(Number.isInteger(max) && max >= 1).toBe(true);
        expect(allowed).toBeLessThanOrEqual(rate * RATE_MARGIN + 1e-9);
        expect(allowed).toBeGreaterThan(rate * RATE_MARGIN * 0.9); // rounding costs little
      }),
    );
  });

  it('uses windows of about a tenth of a second at 100/s', () => {
    expect(limiterWindow(100)).toEqual({ max: 9, duration: 95 });
    expect(limiterWindow(1)).toEqual({ max: 1, duration: 1053 });
  });

  it('refuses a rate that is not positive', () => {
    expect(() => limiterWindow(0)).toThrow(/> 0 requests per second/);
    expect(() => limiterWindow(Number.NaN)).toThrow(/> 0 requests per second/);
  });
});

describe('job ids and queue names', () => {
  it('a trial job id round-trips and never holds ":" (BullMQ refuses it) nor is all digits', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (item, template, sample) => {
        const id = trialJobId(item, template, sample);
        expect(id).not.toContain(':');
        expect(/^\d+$/.test(id)).toBe(false);
        expect(parseTrialJobId(id)).toEqual({ itemId: item, templateId: template, sample });
      }),
    );
  });

  it('queue names are distinct per run and model, without ":"', () => {
    const a = queueName('run-20261128-101500-ab12', 'openai:gpt-4o');
    expect(a).toMatch(/^run-20261128-101500-ab12\.[0-9a-f]{12}$/);
    expect(queueName('run-20261128-101500-ab12', 'openai:gpt-4o-mini')).not.toBe(a);
    expect(queueName('a:b', 'm')).not.toContain(':');
    expect(queueName('a:b', 'm')).not.toBe(queueName('a_b', 'm'));
  });

  it('a job\'s data is checked before it is used', () => {
    const job = { item: 'addition-1', template: 'addition-01', sample: 0, prompt: 'p', settings: { temperature: 0, maxTokens: 8, stop: ['\n\n'] } };
    expect(parseTrialJob(job)).toBe(job);
    expect(parseTrialJob({ ...job, sample: -1 })).toMatch(/sample/);
    expect(parseTrialJob({ ...job, prompt: 3 })).toMatch(/prompt/);
    expect(parseTrialJob({ ...job, settings: { temperature: 0 } })).toMatch(/maxTokens/);
    expect(parseTrialJob({ ...job, settings: { ...job.settings, stop: [1] } })).toMatch(/stop/);
    expect(parseTrialJob(null)).toMatch(/not an object/);
  });

  it('a return value that is not a trial outcome does not parse', () => {
    expect(TrialOutcomeSchema.safeParse({ status: 'answered', text: 1 }).success).toBe(false);
    expect(TrialOutcomeSchema.safeParse({ status: 'error', code: 'NOPE', message: '', latencyMs: 0, attempts: 1, worker: 'w' }).success).toBe(false);
  });
});
