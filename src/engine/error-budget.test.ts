import { describe, expect, it } from 'vitest';
import { ModelError } from '../models/model-adapter.js';
import { ErrorBudget } from './error-budget.js';

const network = new ModelError('NETWORK', 'ollama: cannot reach http://127.0.0.1:1 (ECONNREFUSED)');

describe('ErrorBudget', () => {
  it('fails a model whose first requests all fail with NETWORK/AUTH/BAD_REQUEST', () => {
    const budget = new ErrorBudget({ startupFailures: 3 });
    expect(budget.onRequestFailure('m', 'm (ollama:x)', network)).toBeUndefined();
    expect(budget.onRequestFailure('m', 'm (ollama:x)', new ModelError('AUTH', 'bad key'))).toBeUndefined();
    expect(budget.onRequestFailure('m', 'm (ollama:x)', network)).toMatch(/^m \(ollama:x\): 3 requests in a row failed before any succeeded .*ECONNREFUSED/);
  });

  it('forgets the startup rule once the model has answered; other models keep their own count', () => {
    const budget = new ErrorBudget({ startupFailures: 2, consecutiveNetworkFailures: 100 });
    budget.onRequestFailure('a', 'a', network);
    budget.onRequestSuccess('a');
    expect(budget.onRequestFailure('a', 'a', network)).toBeUndefined();
    expect(budget.onRequestFailure('a', 'a', network)).toBeUndefined();
    expect(budget.onRequestFailure('b', 'b', network)).toBeUndefined();
    expect(budget.onRequestFailure('b', 'b', network)).toMatch(/^b: 2 requests in a row/);
  });

  it('a retryable non-network failure breaks the startup streak', () => {
    const budget = new ErrorBudget({ startupFailures: 2 });
    budget.onRequestFailure('m', 'm', network);
    budget.onRequestFailure('m', 'm', new ModelError('SERVER_ERROR', '500'));
    expect(budget.onRequestFailure('m', 'm', network)).toBeUndefined();
  });

  it('fails on a lasting run of NETWORK failures at any time, not on a burst of them', () => {
    let now = 0;
    const budget = new ErrorBudget({ consecutiveNetworkFailures: 3, networkOutageMs: 10_000 }, () => now);
    budget.onRequestSuccess('m');
    for (let i = 0; i < 30; i++) expect(budget.onRequestFailure('m', 'm', network)).toBeUndefined(); // stale keep-alive sockets: all at once
    now = 9_000;
    expect(budget.onRequestFailure('m', 'm', network)).toBeUndefined();
    now = 10_000;
    expect(budget.onRequestFailure('m', 'm', network)).toMatch(/^m: 32 requests in a row over 10 s could not reach the model/);
    budget.onRequestSuccess('m');
    now = 50_000;
    budget.onRequestFailure('m', 'm', network);
    now = 70_000;
    expect(budget.onRequestFailure('m', 'm', network)).toBeUndefined(); // only 2 in a row
  });

  it('fails when more than the allowed share of the last N trials are errors, not before N', () => {
    const budget = new ErrorBudget({ window: 4, maxErrorRate: 0.5 });
    expect(budget.onTrialFinished(true)).toBeUndefined();
    expect(budget.onTrialFinished(true)).toBeUndefined();
    expect(budget.onTrialFinished(true)).toBeUndefined(); // 3 of 3, but fewer than N finished
    expect(budget.onTrialFinished(false)).toMatch(/^3 of the last 4 trials ended in errors \(more than 50%\)/);
    const half = new ErrorBudget({ window: 4, maxErrorRate: 0.5 });
    for (const isError of [true, false, true, false, true, false]) expect(half.onTrialFinished(isError)).toBeUndefined(); // 50% is not more
  });

  it('slides the window: old errors fall out', () => {
    const budget = new ErrorBudget({ window: 3, maxErrorRate: 0.5 });
    budget.onTrialFinished(true);
    budget.onTrialFinished(false);
    budget.onTrialFinished(false);
    expect(budget.onTrialFinished(true)).toBeUndefined(); // f,f,e
    expect(budget.onTrialFinished(true)).toMatch(/2 of the last 3/);
  });

  it('gives up on a Retry-After longer than it is willing to wait', () => {
    const budget = new ErrorBudget({ maxRetryAfterMs: 60_000 });
    budget.onRequestSuccess('m');
    expect(budget.onRequestFailure('m', 'm', new ModelError('RATE_LIMITED', '429', { retryAfterMs: 30_000 }))).toBeUndefined();
    expect(budget.onRequestFailure('m', 'm', new ModelError('RATE_LIMITED', '429', { retryAfterMs: 86_400_000 }))).toMatch(/asks to wait 86400 s/);
  });
});
