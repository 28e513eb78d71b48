import { BIN_COUNT } from '../core/item.js';
import type { DomainDifficultyStats } from '../generate/difficulty-stats.js';

const BAR_WIDTH = 40;

/** A text histogram of calibrated difficulty per domain: one row per 0–100 bin. */
export function renderDifficultyStats(stats: readonly DomainDifficultyStats[]): string {
  const lines: string[] = [];
  for (const s of stats) {
    lines.push(`${s.domain}: ${s.items} items, ${s.binsCovered}/${BIN_COUNT} calibrated-difficulty bins covered`);
    const ranges = Object.entries(s.ranges).map(([name, r]) => `${name} ${fmt(r.min)}–${fmt(r.max)}`);
    lines.push(`  raw ranges: ${ranges.join(', ')}`);
    const max = Math.max(1, ...s.binCounts);
    const width = 100 / BIN_COUNT;
    s.binCounts.forEach((count, bin) => {
      const lo = (bin * width).toFixed(1).padStart(5);
      const hi = ((bin + 1) * width).toFixed(1).padStart(5);
      const bar = '#'.repeat(Math.round((count / max) * BAR_WIDTH));
      lines.push(`  [${lo},${hi}${bin === BIN_COUNT - 1 ? ']' : ')'} ${String(count).padStart(6)} ${bar}`);
    });
    lines.push('');
  }
  return lines.join('\n');
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
