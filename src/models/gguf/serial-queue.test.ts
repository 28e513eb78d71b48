import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SerialQueue', () => {
  it('runs tasks one at a time, first come first served', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, gate: Promise<void>) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await gate;
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const gates = [deferred(), deferred(), deferred()];
    const results = [queue.run(undefined, task('a', gates[0]!.promise)), queue.run(undefined, task('b', gates[1]!.promise)), queue.run(undefined, task('c', gates[2]!.promise))];
    expect(queue.waiting).toBe(2);
    gates[2]!.resolve();
    gates[1]!.resolve();
    gates[0]!.resolve();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failing task releases the lock', async () => {
    const queue = new SerialQueue();
    await expect(queue.run(undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(undefined, async () => 'next')).toBe('next');
  });

  it('a waiter whose signal fires leaves the queue without running', async () => {
    const queue = new SerialQueue();
    const gate = deferred();
    const first = queue.run(undefined, () => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = queue.run(controller.signal, async () => {
      ran = true;
    });
    const third = queue.run(undefined, async () => 'third');
    controller.abort(new Error('stop waiting'));
    await expect(second).rejects.toThrow('stop waiting');
    expect(queue.waiting).toBe(1);
    gate.resolve();
    await first;
    expect(await third).toBe('third');
    expect(ran).toBe(false);
  });

  it('an already-aborted signal is refused at once', async () => {
    const queue = new SerialQueue();
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(queue.run(controller.signal, async () => 'never')).rejects.toThrow('too late');
  });
});
