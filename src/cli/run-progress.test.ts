import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createRunProgress, duration, formatProgress } from './run-progress.js';

describe('run progress', () => {
  it('formats done/total, rate, errors and ETA', () => {
    expect(formatProgress(1234, 5000, 3, 1234, 40)).toBe('1234/5000 trials (24.7%) · 30.9/s · 3 errors · ETA 2m 02s');
    expect(formatProgress(5000, 5000, 1, 5000, 100)).toBe('5000/5000 trials (100.0%) · 50.0/s · 1 error');
    expect(formatProgress(0, 0, 0, 0, 0)).toBe('0/0 trials (100.0%) · 0.0/s · 0 errors');
  });

  it('writes durations people read', () => {
    expect(duration(5)).toBe('5s');
    expect(duration(125)).toBe('2m 05s');
    expect(duration(7325)).toBe('2h 02m');
  });

  it('prints plain lines without a terminal: a resume note, throttled progress, and the final line', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const render = createRunProgress(out as unknown as NodeJS.WriteStream, 60_000);
    render({ type: 'run-start', runId: 'run-1', total: 10, alreadyDone: 4 });
    for (let done = 5; done <= 10; done++) render({ type: 'trial-done', modelKey: 'm', status: 'answered', cached: false, done, total: 10, errors: 0 });
    render({ type: 'run-end', runId: 'run-1', status: 'completed', done: 10, total: 10, errors: 0, costUsd: 0 });
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('resuming run run-1: 4 of 10 trials already done');
    expect(lines).toHaveLength(2); // the six trial events fall inside the throttle window
    expect(lines[1]).toMatch(/^10\/10 trials \(100\.0%\)/);
    expect(text).not.toContain('\x1b');
  });
});
