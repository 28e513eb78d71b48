import { BIN_COUNT, type DomainName, type Item } from '../core/item.js';

export interface DomainDifficultyStats {
  domain: DomainName;
  items: number;
  /** Items per calibrated bin, index 0 … BIN_COUNT-1. */
  binCounts: number[];
  binsCovered: number;
  /** Min and max of every difficulty function's raw value. */
  ranges: Record<string, { min: number; max: number }>;
}

export function difficultyStats(items: readonly Item[]): DomainDifficultyStats[] {
  const byDomain = new Map<DomainName, DomainDifficultyStats>();
  for (const item of items) {
    let s = byDomain.get(item.domain);
    if (!s) {
      s = { domain: item.domain, items: 0, binCounts: new Array<number>(BIN_COUNT).fill(0), binsCovered: 0, ranges: {} };
      byDomain.set(item.domain, s);
    }
    s.items++;
    s.binCounts[item.difficulty.bin] = (s.binCounts[item.difficulty.bin] ?? 0) + 1;
    for (const [name, v] of Object.entries(item.difficulty.values)) {
      const r = s.ranges[name];
      if (!r) s.ranges[name] = { min: v, max: v };
      else {
        r.min = Math.min(r.min, v);
        r.max = Math.max(r.max, v);
      }
    }
  }
  for (const s of byDomain.values()) s.binsCovered = s.binCounts.filter((c) => c > 0).length;
  return [...byDomain.values()];
}
