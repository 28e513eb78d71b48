/**
 * `reliabench compare A B`: each indicator of side B minus side A, per model pair and domain, with an
 * interval for the change. The two sides are independent runs (or models), so the change's interval
 * is the normal approximation b − a ± √(h_a² + h_b²), where h is each side's interval half-width
 * (Newcombe-style hybrid; documented in docs/analysis.md). `--fail-if` rules fire only when the whole
 * interval of the change lies past the threshold, so noise alone does not fail a CI gate.
 */
import type { DomainName } from '../core/item.js';
import type { Analysis, BinShares, Estimate, Indicators } from './analysis-types.js';
import { wilson } from './stats/wilson.js';

export const COMPARED = ['correctness', 'prudence', 'ultracrepidarian', 'concordance', 'promptStability', 'easiestDecileCorrectness', 'easyIncorrect'] as const;
export type ComparedIndicator = (typeof COMPARED)[number];

/** Trials with calibrated difficulty below this are "easy" for the easy-bin incorrect rate. */
export const EASY_LIMIT = 10;

export interface IndicatorChange {
  a: string;
  b: string;
  domain: DomainName | 'all';
  indicator: ComparedIndicator;
  before: Estimate | null;
  after: Estimate | null;
  change: Estimate | null;
}

export function compareAnalyses(a: Analysis, b: Analysis, pairs: readonly { a: string; b: string }[]): IndicatorChange[] {
  const out: IndicatorChange[] = [];
  for (const pair of pairs) {
    const ma = a.models.find((m) => m.modelKey === pair.a);
    const mb = b.models.find((m) => m.modelKey === pair.b);
    if (!ma || !mb) continue;
    const sides: { domain: DomainName | 'all'; ia: Indicators; ib: Indicators; ba: BinShares[]; bb: BinShares[] }[] = [
      { domain: 'all', ia: ma.overall, ib: mb.overall, ba: ma.domains.flatMap((d) => d.bins), bb: mb.domains.flatMap((d) => d.bins) },
    ];
    for (const da of ma.domains) {
      const db = mb.domains.find((d) => d.domain === da.domain);
      if (db) sides.push({ domain: da.domain, ia: da.indicators, ib: db.indicators, ba: da.bins, bb: db.bins });
    }
    for (const s of sides) {
      for (const indicator of COMPARED) {
        const before = indicator === 'easyIncorrect' ? easyIncorrect(s.ba) : s.ia[indicator];
        const after = indicator === 'easyIncorrect' ? easyIncorrect(s.bb) : s.ib[indicator];
        out.push({ a: pair.a, b: pair.b, domain: s.domain, indicator, before, after, change: difference(before, after) });
      }
    }
  }
  return out;
}

/** The incorrect rate over the bins entirely below EASY_LIMIT, pooled (Wilson interval); null without trials. */
export function easyIncorrect(bins: readonly BinShares[]): Estimate | null {
  let n = 0;
  let k = 0;
  for (const bin of bins) {
    if (bin.to > EASY_LIMIT + 1e-9 || bin.n === 0) continue;
    n += bin.n;
    k += Math.round(bin.incorrect.value * bin.n);
  }
  return n === 0 ? null : wilson(k, n);
}

export function difference(before: Estimate | null, after: Estimate | null): Estimate | null {
  if (before === null || after === null) return null;
  const half = Math.hypot((before.high - before.low) / 2, (after.high - after.low) / 2);
  const value = after.value - before.value;
  return { value, low: value - half, high: value + half };
}

export interface FailRule {
  text: string;
  indicator: ComparedIndicator;
  direction: 'rose' | 'fell';
  by: number;
  domain: DomainName | 'all' | 'any';
}

const ALIASES: Record<string, ComparedIndicator> = {
  'correctness': 'correctness', 'prudence': 'prudence', 'ultracrepidarian': 'ultracrepidarian', 'ultracrepidarian-rate': 'ultracrepidarian',
  'concordance': 'concordance', 'prompt-stability': 'promptStability', 'easiest-decile-correctness': 'easiestDecileCorrectness',
  'easy-incorrect': 'easyIncorrect', 'easy-bin-incorrect': 'easyIncorrect', 'easy-bin-incorrect-rate': 'easyIncorrect',
};

/** "easy-incorrect rose", "correctness fell by 0.02", "prudence fell by 0.05 in science". Null when it does not parse. */
export function parseFailRule(text: string): FailRule | null {
  const m = /^\s*([a-z-]+)\s+(rose|fell)(?:\s+by\s+([0-9.]+))?(?:\s+in\s+([a-z]+))?\s*$/i.exec(text);
  if (!m) return null;
  const indicator = ALIASES[(m[1] ?? '').toLowerCase()];
  const by = m[3] === undefined ? 0 : Number(m[3]);
  if (indicator === undefined || !Number.isFinite(by) || by < 0) return null;
  return { text: text.trim(), indicator, direction: (m[2] ?? '').toLowerCase() as 'rose' | 'fell', by, domain: (m[4]?.toLowerCase() ?? 'any') as FailRule['domain'] };
}

/** The changes that make a rule fire: the change's whole interval is past ±by. */
export function firedBy(rule: FailRule, changes: readonly IndicatorChange[]): IndicatorChange[] {
  return changes.filter((c) => c.indicator === rule.indicator && (rule.domain === 'any' || c.domain === rule.domain) && c.change !== null &&
    (rule.direction === 'rose' ? c.change.low > rule.by : c.change.high < -rule.by));
}

export function ruleNames(): string[] {
  return Object.keys(ALIASES);
}
