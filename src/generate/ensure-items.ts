import type { Item } from '../core/item.js';
import { allDomains } from '../domains/registry.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { findItemSet, loadItems, saveItems, saveItemSet, saveTemplates } from '../store/sqlite/items-repo.js';
import { generateItems, type GenerateEvent, type GenerateRequest, type GenerateResult } from './generate-items.js';

export interface StoredItems {
  setId: string;
  items: Item[];
  /** False when an item set with the same settings was already in the workspace. */
  generated: boolean;
  skipped: GenerateResult['skipped'];
  shortfalls: GenerateResult['shortfalls'];
}

/**
 * Generates items and stores them with their templates as one item set. The first stage of
 * `reliabench generate` and of `reliabench run`.
 */
export async function generateAndStore(db: Db, request: GenerateRequest, emit?: (e: GenerateEvent) => void): Promise<StoredItems> {
  const result = await generateItems(request, emit);
  const domains = request.domains.filter((d) => !result.skipped.some((s) => s.domain === d));
  saveTemplates(db, allDomains().filter((d) => domains.includes(d.name)).flatMap((d) => d.templates));
  saveItems(db, result.items);
  const setId = saveItemSet(db, { seed: String(request.seed), domains, perDomain: request.perDomain }, result.items);
  return { setId, items: result.items, generated: true, skipped: result.skipped, shortfalls: result.shortfalls };
}

/** The stored item set with these settings, or a freshly generated one ("generate if needed"). */
export async function ensureItems(db: Db, request: GenerateRequest, emit?: (e: GenerateEvent) => void): Promise<StoredItems> {
  const setId = findItemSet(db, { seed: String(request.seed), domains: request.domains, perDomain: request.perDomain });
  if (setId !== undefined) return { setId, items: loadItems(db, { setId }), generated: false, skipped: [], shortfalls: [] };
  return generateAndStore(db, request, emit);
}
