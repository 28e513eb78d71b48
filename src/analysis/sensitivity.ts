/**
 * Prompt sensitivity: which templates are significantly worse than the rest of their domain.
 *
 * Test [ours]: for template t, each item answered under t and under at least one other template
 * gives d = (t's correctness on the item) − (mean correctness of the item's other templates). Under
 * the null hypothesis that templates are exchangeable, E[d] = 0; a one-sided paired t-test (items
 * as the unit, m − 1 degrees of freedom) asks whether t is worse. Pairing on items removes the
 * item-difficulty variance that an unpaired comparison would carry. When fewer than two items are
 * paired (templates assigned to disjoint items), it falls back to a one-sided pooled two-proportion
 * z-test of t's trials against the other templates' trials. The p-values of a domain's templates
 * are Holm-adjusted (family-wise error ≤ alpha across the 15 templates); t is flagged when its
 * adjusted p-value is ≤ alpha.
 */
import type { GroupTable } from './trial-table.js';
import { CORRECT, OUTCOMES } from './trial-table.js';
import { holmAdjust } from './stats/holm.js';
import { normalCdf, studentTCdf } from './stats/normal.js';

export interface TemplateTest {
  templateId: string;
  method: 'paired-t' | 'two-proportion-z' | 'none';
  /** Items with trials under this template and at least one other. */
  pairedItems: number;
  /** Paired: mean of d over the paired items; z-test: this template's correctness − the others'. */
  difference: number;
  /** t or z; null when undefined (no variation, or no test). */
  statistic: number | null;
  /** One-sided: small when the template is worse. */
  pValue: number;
  /** Holm-adjusted across the domain's templates. */
  adjustedP: number;
  flagged: boolean;
}

interface Shares {
  /** Per (item, template): correctness share, NaN when the cell is empty. */
  p: Float64Array;
  /** Per item: sum of its templates' shares and how many templates it has. */
  sum: Float64Array;
  used: Int32Array;
}

export function templateSensitivity(table: GroupTable, alpha: number): TemplateTest[] {
  const shares = cellShares(table);
  const raw = table.templateIds.map((templateId, t) => testTemplate(table, shares, t, templateId));
  const adjusted = holmAdjust(raw.map((r) => r.pValue));
  return raw.map((r, t) => ({ ...r, adjustedP: adjusted[t] as number, flagged: r.method !== 'none' && (adjusted[t] as number) <= alpha }));
}

function cellShares(table: GroupTable): Shares {
  const nI = table.itemIds.length;
  const nT = table.templateIds.length;
  const p = new Float64Array(nI * nT).fill(Number.NaN);
  const sum = new Float64Array(nI);
  const used = new Int32Array(nI);
  for (let j = 0; j < nI; j++) {
    for (let t = 0; t < nT; t++) {
      const cell = j * nT + t;
      const base = cell * OUTCOMES;
      const n = (table.cells[base] as number) + (table.cells[base + 1] as number) + (table.cells[base + 2] as number);
      if (n === 0) continue;
      const share = (table.cells[base + CORRECT] as number) / n;
      p[cell] = share;
      sum[j] = (sum[j] as number) + share;
      used[j] = (used[j] as number) + 1;
    }
  }
  return { p, sum, used };
}

type RawTest = Omit<TemplateTest, 'adjustedP' | 'flagged'>;

function testTemplate(table: GroupTable, s: Shares, t: number, templateId: string): RawTest {
  const nT = table.templateIds.length;
  let m = 0;
  let total = 0;
  let totalSq = 0;
  for (let j = 0; j < table.itemIds.length; j++) {
    const own = s.p[j * nT + t] as number;
    const others = (s.used[j] as number) - 1;
    if (Number.isNaN(own) || others < 1) continue;
    const d = own - ((s.sum[j] as number) - own) / others;
    m++;
    total += d;
    totalSq += d * d;
  }
  if (m < 2) return unpairedTest(table, t, templateId, m);
  const mean = total / m;
  const variance = Math.max(0, (totalSq - m * mean * mean) / (m - 1));
  if (variance === 0) return { templateId, method: 'paired-t', pairedItems: m, difference: mean, statistic: null, pValue: mean < 0 ? 0 : 1 };
  const statistic = mean / Math.sqrt(variance / m);
  return { templateId, method: 'paired-t', pairedItems: m, difference: mean, statistic, pValue: studentTCdf(statistic, m - 1) };
}

function unpairedTest(table: GroupTable, t: number, templateId: string, pairedItems: number): RawTest {
  const nT = table.templateIds.length;
  let cOwn = 0, nOwn = 0, cRest = 0, nRest = 0;
  for (let cell = 0; cell < table.itemIds.length * nT; cell++) {
    const base = cell * OUTCOMES;
    const n = (table.cells[base] as number) + (table.cells[base + 1] as number) + (table.cells[base + 2] as number);
    const c = table.cells[base + CORRECT] as number;
    if (cell % nT === t) { cOwn += c; nOwn += n; } else { cRest += c; nRest += n; }
  }
  if (nOwn === 0 || nRest === 0) return { templateId, method: 'none', pairedItems, difference: 0, statistic: null, pValue: 1 };
  const difference = cOwn / nOwn - cRest / nRest;
  const pooled = (cOwn + cRest) / (nOwn + nRest);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nOwn + 1 / nRest));
  if (se === 0) return { templateId, method: 'two-proportion-z', pairedItems, difference, statistic: null, pValue: 1 };
  const statistic = difference / se;
  return { templateId, method: 'two-proportion-z', pairedItems, difference, statistic, pValue: normalCdf(statistic) };
}
