import type { DomainName, Item, ItemDraft } from '../core/item.js';
import type { ProgressEvent } from '../core/domain.js';
import { isReliabenchError, ReliabenchError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { getDomain } from '../domains/registry.js';
import { finalizeItem } from './finalize-item.js';

export interface GenerateRequest {
  domains: readonly DomainName[];
  perDomain: number;
  seed: string | number;
  scienceDataPath?: string;
  /**
   * Domains to skip, rather than fail, when their external data cannot be fetched (code
   * DOWNLOAD_FAILED). The CLI uses it only when a person asked for no domain in particular.
   */
  bestEffort?: readonly DomainName[];
}

export type GenerateEvent =
  | { type: 'domain-start'; domain: DomainName; requested: number }
  | { type: 'domain-progress'; domain: DomainName; progress: ProgressEvent }
  | { type: 'domain-done'; domain: DomainName; produced: number; ms: number };

export interface GenerateResult {
  items: Item[];
  /** Domains that produced fewer items than requested (a fixed bank ran out). */
  shortfalls: { domain: DomainName; requested: number; produced: number }[];
  /** Best-effort domains that were skipped, with the reason. */
  skipped: { domain: DomainName; reason: string }[];
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
  const byDomain = new Map<DomainName, Item[]>();
  const shortfalls: GenerateResult['shortfalls'] = [];
  const skipped: GenerateResult['skipped'] = [];
  const externalLast = (name: DomainName): number => (getDomain(name).readsExternalData ? 0 : 1);
  const runOrder = [...request.domains].sort((a, b) => externalLast(a) - externalLast(b));
  for (const name of runOrder) {
    const domain = getDomain(name);
    const items: Item[] = [];
    const started = performance.now();
    emit({ type: 'domain-start', domain: name, requested: request.perDomain });
    let drafts: ItemDraft[];
    try {
      drafts = await domain.generate(Rng.fromSeed(request.seed, name), {
        count: request.perDomain,
        ...(request.scienceDataPath !== undefined ? { scienceDataPath: request.scienceDataPath } : {}),
        onProgress: (progress) => emit({ type: 'domain-progress', domain: name, progress }),
      });
    } catch (error) {
      if (!(request.bestEffort?.includes(name) && isReliabenchError(error) && error.code === 'DOWNLOAD_FAILED')) throw error;
      skipped.push({ domain: name, reason: error.message });
      continue;
    }
    const seen = new Set<string>();
    for (const draft of drafts) {
      const item = finalizeItem(domain, draft);
      if (seen.has(item.id)) throw new ReliabenchError('INTERNAL', `${name} generated a duplicate item ${item.id}`);
      seen.add(item.id);
      items.push(item);
    }
    byDomain.set(name, items);
    if (drafts.length < request.perDomain) shortfalls.push({ domain: name, requested: request.perDomain, produced: drafts.length });
    emit({ type: 'domain-done', domain: name, produced: drafts.length, ms: performance.now() - started });
  }
  // Output order is the requested domain order, whatever order they ran in.
  return { items: request.domains.flatMap((name) => byDomain.get(name) ?? []), shortfalls, skipped };
}
