import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../../core/item.js';
import { getDomain } from '../../domains/registry.js';
import { generateItems } from '../../generate/generate-items.js';
import { createAdapter } from '../../models/create-adapter.js';
import type { ModelAdapter } from '../../models/model-adapter.js';
import { HTTP_ADAPTERS, type HttpAdapterName } from '../../test-support/model-server/adapters-under-test.js';
import { openWorkspace, type Db } from '../../store/sqlite/open-workspace.js';
import type { BackoffOptions } from '../backoff.js';
import { buildPlan, type Plan } from '../plan.js';
import type { ModelEntry, PlanFilter, RunEvent } from '../run-types.js';
import { defaultSettings } from '../stop-rule.js';

/** Retries in milliseconds, not seconds, so fault tests stay fast. */
export const FAST_BACKOFF: BackoffOptions = { baseMs: 2, capMs: 20 };

export function tempWorkspace(): { db: Db; path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rb-engine-'));
  const path = join(dir, 'workspace.sqlite');
  return { db: openWorkspace(path), path, dir };
}

/** Real addition items (the generator's), `count` of them, deterministic for a seed. */
export async function additionItems(count: number, seed: string | number = 1): Promise<Item[]> {
  return (await generateItems({ domains: ['addition'], perDomain: count, seed })).items;
}

export const TEMPLATES = { addition: getDomain('addition').templates } as const;

export function entry(key: string, adapter: ModelAdapter, over: Partial<ModelEntry> = {}): ModelEntry {
  return {
    key,
    spec: `${adapter.provider}:${adapter.modelId}`,
    adapter,
    settings: defaultSettings(),
    samples: 1,
    concurrency: { start: 8, floor: 1, ceiling: 16 },
    timeoutMs: 2_000,
    maxRetries: 3,
    ...over,
  };
}

export function planFor(items: readonly Item[], models: readonly ModelEntry[], filter?: PlanFilter): Plan {
  return buildPlan({ items, templates: TEMPLATES, models, ...(filter === undefined ? {} : { filter }) });
}

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** Collects events for assertions. */
export function eventLog(): { events: RunEvent[]; onEvent: (e: RunEvent) => void; of<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }>[] } {
  const events: RunEvent[] = [];
  return {
    events,
    onEvent: (e) => events.push(e),
    of: <T extends RunEvent['type']>(type: T) => events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type),
  };
}

/** The adapter fixture `name` (adapters-under-test.ts) pointed at a server URL, e.g. one in another process. */
export function adapterAt(name: HttpAdapterName, url: string): Promise<ModelAdapter> {
  const fixture = HTTP_ADAPTERS.find((a) => a.name === name);
  if (fixture === undefined) throw new Error(`no adapter fixture ${name}`);
  return createAdapter(fixture.spec(url), fixture.env(url));
}

/**
 * Wraps an adapter to check, on the client side, that the engine never asks for a prompt it already
 * got an answer to (`violations` counts such calls).
 */
export function watchAnswers(adapter: ModelAdapter): { adapter: ModelAdapter; violations: () => number } {
  const answered = new Set<string>();
  let violations = 0;
  return {
    violations: () => violations,
    adapter: {
      provider: adapter.provider,
      modelId: adapter.modelId,
      mode: adapter.mode,
      generate: async (request, signal) => {
        if (answered.has(request.prompt)) violations++;
        const response = await adapter.generate(request, signal);
        answered.add(request.prompt);
        return response;
      },
    },
  };
}

/** Answers at once, in memory: for tests about the engine's bookkeeping rather than HTTP. */
export function instantAdapter(modelId = 'echo', mode: 'chat' | 'completion' = 'chat'): ModelAdapter & { calls: number } {
  const adapter = {
    provider: 'in-memory',
    modelId,
    mode,
    calls: 0,
    generate: (request: { prompt: string }) => {
      adapter.calls++;
      return Promise.resolve({ text: `echo: ${request.prompt}`, finishReason: 'stop' as const, usage: { inputTokens: 3, outputTokens: 2 }, warnings: [], latencyMs: 1 });
    },
  };
  return adapter;
}
