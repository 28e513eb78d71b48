/**
 * A model server in its own process (entry point for `fork`), so tests and benchmarks can load the
 * engine on one core and the server on another. Configured by one JSON argument (ServerProcessConfig);
 * announces its URL over IPC, answers `{ type: 'stats' }` with request counts, and exits on `{ type: 'close' }`.
 */
import { Rng } from '../../core/rng.js';
import type { Fault } from '../../test-support/model-server/faults.js';
import { startModelServer } from '../../test-support/model-server/model-server.js';

export interface ServerProcessConfig {
  /** Share of requests that fail (0 … 1), each with a fault drawn from `faults`. */
  faultRate?: number;
  faults?: Fault[];
  seed?: string | number;
  /** After a 503 from `faults`, this many further requests also get 503 (a burst). */
  burst503?: number;
  /** Answer every request after this many ms (a slow model). */
  delayMs?: number;
  apiKey?: string;
}

export type ServerProcessMessage =
  | { type: 'ready'; url: string }
  | { type: 'stats'; requestCount: number; faulted: number; perPrompt?: [string, number][]; cpuMicros: number };

const config = JSON.parse(process.argv[2] ?? '{}') as ServerProcessConfig;
const rng = Rng.fromSeed(config.seed ?? 1, 'server-process');
let burst = 0;
let faulted = 0;
const perPrompt = new Map<string, number>();

const server = await startModelServer({
  ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
  faultFor: (request): Fault | null => {
    perPrompt.set(request.prompt, (perPrompt.get(request.prompt) ?? 0) + 1);
    if (burst > 0) {
      burst--;
      faulted++;
      return { kind: 'status', status: 503 };
    }
    const rate = config.faultRate ?? 0;
    if (rate > 0 && rng.float() < rate) {
      const fault = rng.pick(config.faults ?? []);
      if (fault.kind === 'status' && fault.status === 503) burst = config.burst503 ?? 0;
      faulted++;
      return fault;
    }
    return config.delayMs === undefined ? null : { kind: 'delay', ms: config.delayMs };
  },
});

const send = (message: ServerProcessMessage): void => {
  process.send?.(message);
};
process.on('message', (message: { type: string; perPrompt?: boolean }) => {
  if (message.type === 'stats') {
    const cpu = process.cpuUsage();
    send({
      type: 'stats',
      requestCount: server.requestCount,
      faulted,
      cpuMicros: cpu.user + cpu.system,
      ...(message.perPrompt === true ? { perPrompt: [...perPrompt] } : {}),
    });
  } else if (message.type === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url: server.url });
