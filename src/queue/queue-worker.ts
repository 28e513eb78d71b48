import { hostname } from 'node:os';
import { Queue, Worker, type Job } from 'bullmq';
import { sleep } from '../engine/backoff.js';
import { createAdapter, type AdapterFactories } from '../models/create-adapter.js';
import type { ModelAdapter } from '../models/model-adapter.js';
import { parseModelSpec, type Env } from '../models/model-spec.js';
import { bullConnection, prepareRedis } from './bullmq-connection.js';
import { KEY_PREFIX, WORKER_CANNOT_RUN, type QueueModel, type RunAnnouncement, type TrialOutcome } from './queue-protocol.js';
import type { RedisTarget } from './redis-url.js';
import { announcedRuns } from './run-registry.js';
import { closeOrDrop } from './redis-deadline.js';
import { retryDelay, trialProcessor } from './trial-processor.js';

/**
 * `reliabench worker`: serves every run announced in Redis — one BullMQ worker per run and model, with
 * an adapter built here from the model's spec and this machine's environment (keys never travel).
 * Runs until `stop` aborts; then finishes the trials in progress (the coordinator records them) and
 * returns. A worker killed outright leaves its trials locked; BullMQ's stalled-job check hands them to
 * another worker once the lock (`lockMs`) runs out.
 */
export interface QueueWorkerOptions {
  target: RedisTarget;
  /** Trials in flight per model, in this process. */
  concurrency: number;
  /** A trial's lock; a worker that stops renewing it (killed) loses its trials to others after this long. Default 30 s. */
  lockMs?: number;
  /** How often the list of runs is read. Default 1 s. */
  pollMs?: number;
  /** Recorded with each result; default host-pid. */
  name?: string;
  env?: Env;
  factories?: AdapterFactories;
  /** Graceful stop: take no new trials, finish those in progress. */
  stop: AbortSignal;
  /** Hard stop: also cancel requests in flight (their trials go to other workers). */
  abort?: AbortSignal;
  onLog?: (line: string) => void;
}

export interface QueueWorkerSummary {
  name: string;
  trials: number;
  errors: number;
}

interface Served {
  runId: string;
  model: QueueModel;
  worker: Worker;
  adapter: ModelAdapter | Error;
  trials: number;
  errors: number;
}

export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerSummary> {
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const log = options.onLog ?? (() => {});
  const env = options.env ?? process.env;
  const lockMs = options.lockMs ?? 30_000;
  const hard = options.abort ?? new AbortController().signal;
  await prepareRedis(options.target);
  const connection = bullConnection(options.target, `reliabench-worker-${name}`);
  const complain = throttled(log);
  const control = new Queue('control', { connection, prefix: KEY_PREFIX, skipMetasUpdate: true });
  control.on('error', (e) => complain(`Redis at ${options.target.display}: ${e.message}; retrying`));
  const client = await control.getBackend().client;
  const serving = new Map<string, Served>();
  const closing = new Set<Promise<void>>();
  const summary: QueueWorkerSummary = { name, trials: 0, errors: 0 };
  log(`worker ${name}: connected to ${options.target.display}; serving every announced run (${options.concurrency} trials at a time per model)`);

  const serve = async (run: RunAnnouncement, model: QueueModel): Promise<Served> => {
    const adapter = await buildAdapter(model, env, options.factories);
    if (adapter instanceof Error) log(`run ${run.runId}: cannot run ${model.key} (${model.spec}) here: ${adapter.message}`);
    let worker: Worker | undefined;
    const processor = trialProcessor({ model, adapter, workerName: name, hard, pauseQueue: async (ms) => worker?.rateLimit(ms) });
    worker = new Worker(model.queue, processor, {
      connection,
      prefix: KEY_PREFIX,
      name,
      concurrency: options.concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 10,
      drainDelay: 2,
      settings: { backoffStrategy: retryDelay(model) },
    });
    const served: Served = { runId: run.runId, model, worker, adapter, trials: 0, errors: 0 };
    worker.on('error', (e) => complain(`run ${run.runId} / ${model.key}: ${e.message}`));
    worker.on('completed', (_job: Job, result: TrialOutcome) => {
      served.trials++;
      summary.trials++;
      if (result.status === 'error') {
        served.errors++;
        summary.errors++;
      }
    });
    worker.on('failed', (_job, error) => {
      if (error.message.startsWith(WORKER_CANNOT_RUN)) complain(`run ${run.runId}: ${error.message.slice(WORKER_CANNOT_RUN.length)}`);
    });
    if (!(adapter instanceof Error)) log(`run ${run.runId}: serving ${model.key} (${model.spec})`);
    return served;
  };

  const close = async (served: Served, force: boolean): Promise<void> => {
    await closeOrDrop(served.worker, force, CLOSE_GRACE_MS);
    if (!(served.adapter instanceof Error)) await served.adapter.close?.().catch(() => {});
    log(`run ${served.runId}: ${served.model.key} done here — ${served.trials} trials (${served.errors} errors)`);
  };

  const sync = async (runs: readonly RunAnnouncement[]): Promise<void> => {
    const wanted = new Map(runs.flatMap((run) => run.models.map((model) => [model.queue, { run, model }] as const)));
    for (const [queue, served] of serving) {
      if (!wanted.has(queue)) {
        serving.delete(queue);
        const done = close(served, false).finally(() => closing.delete(done));
        closing.add(done);
      }
    }
    for (const [queue, { run, model }] of wanted) {
      if (!serving.has(queue) && !options.stop.aborted) serving.set(queue, await serve(run, model));
    }
  };

  try {
    while (!options.stop.aborted) {
      try {
        const announced = await untilAborted(announcedRuns(client), options.stop);
        if (announced === undefined) break;
        for (const bad of announced.invalid) complain(`run ${bad.runId}: cannot read its announcement (${bad.reason}); is this worker the coordinator's version?`);
        await sync(announced.runs);
      } catch (error) {
        complain(`Redis at ${options.target.display}: ${(error as Error).message}; retrying`);
      }
      await sleep(options.pollMs ?? 1_000, options.stop);
    }
  } finally {
    await Promise.all([...serving.values()].map((s) => close(s, hard.aborted)));
    serving.clear();
    await Promise.all(closing);
    await closeOrDrop(control, false, 5_000);
  }
  return summary;
}

async function buildAdapter(model: QueueModel, env: Env, factories: AdapterFactories | undefined): Promise<ModelAdapter | Error> {
  try {
    const parsed = parseModelSpec(model.spec, env);
    const spec = parsed.mode === undefined ? `${model.spec}?mode=${model.mode}` : model.spec;
    const adapter = await createAdapter(spec, env, undefined, factories ?? {});
    if (adapter.mode !== model.mode) {
      await adapter.close?.();
      return new Error(`${model.spec} answers in ${adapter.mode} mode here, but the run planned ${model.mode} mode prompts; add ?mode=${model.mode} to the spec`);
    }
    return adapter;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** How long a stopping worker waits for its trials in progress (and for Redis) before it drops the connections. */
const CLOSE_GRACE_MS = 60_000;

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The same complaint at most once per 10 s (a Redis outage raises one per connection per retry). */
function throttled(log: (line: string) => void): (line: string) => void {
  const last = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if (now - (last.get(line) ?? 0) < 10_000) return;
    last.set(line, now);
    log(line);
  };
}
