import type { DomainName, Item } from '../core/item.js';
import type { ProgressEvent } from '../core/domain.js';
import { ReliabenchError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { getDomain } from '../domains/registry.js';
import { finalizeItem } from './finalize-item.js';

export interface GenerateRequest {
  domains: readonly DomainName[];
  perDomain: number;
  seed: string | number;
  scienceDataPath?: string;
}

export type GenerateEvent =
  | { type: 'domain-start'; domain: DomainName; requested: number }
  | { type: 'domain-progress'; domain: DomainName; progress: ProgressEvent }
  | { type: 'domain-done'; domain: DomainName; produced: number; ms: number };

export interface GenerateResult {
  items: Item[];
  /** Domains that produced fewer items than requested (a fixed bank ran out). */
  shortfalls: { domain: DomainName; requested: number; produced: number }[];
}

/**
 * Generates `perDomain` items for each domain, in the given domain order. Each domain draws from
 * its own stream seeded by (seed, domain name), so the items of one domain do not depend on which
 * other domains were asked for.
 */
export async function generateItems(request: GenerateRequest, emit: (e: GenerateEvent) => void = () => {}): Promise<GenerateResult> {
  if (!Number.isInteger(request.perDomain) || request.perDomain <= 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `the count per domain must be a positive integer, got ${request.perDomain}`);
  }
  const items: Item[] = [];
  const shortfalls: GenerateResult['shortfalls'] = [];
  for (const name of request.domains) {
    const domain = getDomain(name);
    const started = performance.now();
    emit({ type: 'domain-start', domain: name, requested: request.perDomain });
    const drafts = await domain.generate(Rng.fromSeed(request.seed, name), {
      count: request.perDomain,
      ...(request.scienceDataPath !== undefined ? { scienceDataPath: request.scienceDataPath } : {}),
      onProgress: (progress) => emit({ type: 'domain-progress', domain: name, progress }),
    });
    const seen = new Set<string>();
    for (const draft of drafts) {
      const item = finalizeItem(domain, draft);
      if (seen.has(item.id)) throw new ReliabenchError('INTERNAL', `${name} generated a duplicate item ${item.id}`);
      seen.add(item.id);
      items.push(item);
    }
    if (drafts.length < request.perDomain) shortfalls.push({ domain: name, requested: request.perDomain, produced: drafts.length });
    emit({ type: 'domain-done', domain: name, produced: drafts.length, ms: performance.now() - started });
  }
  return { items, shortfalls };
}
