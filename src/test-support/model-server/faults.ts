import { Rng } from '../../core/rng.js';
import type { ReceivedRequest } from './responders.js';

/**
 * What can go wrong with one request:
 * - status: an error status in the API's own error shape, optionally with Retry-After (seconds or an
 *   HTTP date) and the request headers echoed into the message (to prove keys never leak);
 * - hang: never answers (until the client gives up or the server closes);
 * - delay: answers normally after `ms`;
 * - malformed-json: 200 with a body cut mid-JSON (Content-Length matches what is sent);
 * - missing-fields: 200 with valid JSON lacking the answer fields;
 * - truncated: 200 announcing a longer Content-Length than sent, then the socket is destroyed;
 * - reset: the socket is destroyed before anything is sent.
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; message?: string; echoHeaders?: boolean }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed-json' }
  | { kind: 'missing-fields' }
  | { kind: 'truncated' }
  | { kind: 'reset' };

/** A seeded share of requests fails, each with a fault drawn from `kinds`. */
export interface FaultRate {
  seed: string | number;
  /** 0 … 1 */
  rate: number;
  kinds: readonly Fault[];
}

export interface FaultOptions {
  /** Faults for the next requests in arrival order (null: answer normally), one consumed per request. */
  faults?: readonly (Fault | null)[];
  /** Consulted once the queue is empty, e.g. to fail one prompt or every third request. */
  faultFor?: (request: ReceivedRequest) => Fault | null | undefined;
  /** Consulted last: seeded, so the same requests in the same order fail the same way. */
  faultRate?: FaultRate;
}

/** `n` copies of a fault, e.g. a burst of 503s: `burst({ kind: 'status', status: 503 }, 3)`. */
export function burst(fault: Fault, n: number): Fault[] {
  return Array.from({ length: n }, () => fault);
}

export class FaultPlan {
  private readonly queue: (Fault | null)[];
  private readonly faultFor: FaultOptions['faultFor'];
  private readonly rate: FaultRate | undefined;
  private readonly rng: Rng | undefined;

  constructor(options: FaultOptions = {}) {
    this.queue = [...(options.faults ?? [])];
    this.faultFor = options.faultFor;
    this.rate = options.faultRate;
    if (this.rate !== undefined) {
      if (!(this.rate.rate >= 0 && this.rate.rate <= 1)) throw new Error(`faultRate.rate must be in [0, 1], got ${this.rate.rate}`);
      if (this.rate.kinds.length === 0 && this.rate.rate > 0) throw new Error('faultRate.kinds is empty');
      this.rng = Rng.fromSeed(this.rate.seed, 'model-server-faults');
    }
  }

  enqueue(...faults: (Fault | null)[]): void {
    this.queue.push(...faults);
  }

  next(request: ReceivedRequest): Fault | undefined {
    if (this.queue.length > 0) return this.queue.shift() ?? undefined;
    const chosen = this.faultFor?.(request);
    if (chosen) return chosen;
    if (this.rate !== undefined && this.rng !== undefined) {
      // Always draw twice so one request's outcome never shifts the next one's draw.
      const hit = this.rng.float() < this.rate.rate;
      const pick = this.rate.kinds.length > 0 ? this.rng.pick(this.rate.kinds) : undefined;
      if (hit) return pick;
    }
    return undefined;
  }
}
