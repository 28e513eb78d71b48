import { Command } from '@commander-js/extra-typings';
import type { GgufSpec } from '../models/model-spec.js';
import { parseRedisUrl } from '../queue/redis-url.js';
import { parsePositiveInt } from './parse-options.js';
import { parseNumberInRange } from './parse-run-options.js';

type WorkerFlags = {
  queue: string;
  concurrency?: string;
  lockTimeout?: string;
  quiet?: true;
};

export const DEFAULT_WORKER_CONCURRENCY = 8;

export function workerCommand(): Command<[], WorkerFlags> {
  return new Command('worker')
    .description('ask the trials of runs started with `reliabench run --queue` (start any number, on any machines)')
    .requiredOption('--queue <redis-url>', 'the coordinator\'s Redis, e.g. redis://10.0.0.5:6379 (password: redis://:PASSWORD@host:port, or REDIS_PASSWORD)')
    .option('--concurrency <n>', `trials in flight per model in this worker (default ${DEFAULT_WORKER_CONCURRENCY})`)
    .option('--lock-timeout <seconds>', 'when this worker dies, its trials go to other workers after this long (default 30)')
    .option('--quiet', 'print only the summary')
    .addHelpText('after', `
The worker serves every run announced on that Redis until stopped (Ctrl+C or SIGTERM: finishes the
trials in progress; twice: cancels them, and other workers take them over). Model keys come from this
machine's environment (OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_COMPATIBLE_API_KEY, OLLAMA_HOST, …),
never from Redis. See docs/queue.md.

Example:
  $ REDIS_PASSWORD=… OPENAI_API_KEY=… reliabench worker --queue redis://10.0.0.5:6379 --concurrency 16`)
    .action(async (flags) => {
      await workerAction(flags);
    });
}

async function workerAction(flags: WorkerFlags): Promise<void> {
  const target = parseRedisUrl(flags.queue);
  const concurrency = flags.concurrency ? parsePositiveInt(flags.concurrency, '--concurrency') : DEFAULT_WORKER_CONCURRENCY;
  const lockMs = flags.lockTimeout ? Math.round(parseNumberInRange(flags.lockTimeout, '--lock-timeout', 1, 3_600) * 1000) : 30_000;
  const log = (line: string): void => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  const stop = new AbortController();
  const abort = new AbortController();
  const onSignal = (): void => {
    if (!stop.signal.aborted) {
      log('stopping after the trials in progress (Ctrl+C again to cancel them; other workers then take them over)');
      stop.abort();
    } else {
      abort.abort(new Error('interrupted'));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // BullMQ, Redis and the adapters load only when a worker starts.
    const { runQueueWorker } = await import('../queue/queue-worker.js');
    const { createGgufAdapter } = await import('../models/gguf/index.js');
    const summary = await runQueueWorker({
      target,
      concurrency,
      lockMs,
      stop: stop.signal,
      abort: abort.signal,
      onLog: log,
      factories: { gguf: (spec: GgufSpec) => createGgufAdapter(spec) },
    });
    process.stdout.write(`worker ${summary.name} stopped — ${summary.trials} trials (${summary.errors} errors)\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
