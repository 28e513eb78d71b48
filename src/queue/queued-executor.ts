import type { ExecuteRunOptions } from '../engine/executor.js';
import type { RunSummary } from '../engine/run-types.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { executeQueuedRun } from './coordinator.js';
import { parseRedisUrl } from './redis-url.js';

export interface QueueFlags {
  /** The Redis URL given with --queue. */
  url: string;
  /** Requests per second per model, over all workers (--rate-limit). */
  rateLimit?: number;
}

export type RunExecutor = (db: Db, options: ExecuteRunOptions) => Promise<RunSummary>;

/**
 * What `reliabench run --queue` calls instead of executeRun: same options, same summary. The URL is
 * checked here (before items are generated or models loaded); Redis itself is asked when the run starts.
 */
export function queuedExecutor(flags: QueueFlags, log: (line: string) => void): RunExecutor {
  const target = parseRedisUrl(flags.url);
  return (db, options) => {
    log(`trials go to the queue at ${target.display}; start workers (here or on other machines) with: reliabench worker --queue ${target.display}`);
    return executeQueuedRun(db, options, {
      target,
      ...(flags.rateLimit === undefined ? {} : { rateLimit: flags.rateLimit }),
      onNotice: (line) => log(`queue: ${line}`),
    });
  };
}
