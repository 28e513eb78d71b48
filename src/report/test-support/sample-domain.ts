/** Per model × domain analysis of the sample, from formulas (see sample-input.ts). */
import { BIN_COUNT, DOMAIN_NAMES, type DomainName } from '../../core/item.js';
import type { BinShares, Indicators, ModelDomainAnalysis, SafeRegion, SupervisionBin, TemplateCurve } from '../../analysis/analysis-types.js';
import { around, BIN_WIDTH, binShares, jitter, logistic, round6, shares, wilson } from './sample-estimates.js';
import type { SampleModel } from './sample-input.js';

const TEMPLATES = 15;

/** Shares for one bin: correctness falls with difficulty; the rest splits into avoidant / incorrect. */
function outcomeAt(model: SampleModel, domain: DomainName, bin: number, templateOffset = 0): { c: number; a: number } {
  const d = (bin + 0.5) * BIN_WIDTH;
  const domainIndex = DOMAIN_NAMES.indexOf(domain);
  const threshold = 35 + 45 * model.ability - 6 * domainIndex;
  const floor = domain === 'science' ? 0.25 : 0;
  const noise = (jitter(model.index, domainIndex, bin) - 0.5) * 0.04;
  const raw = model.ability * logistic((threshold - d) / 9) + noise + templateOffset;
  const c = Math.min(0.995, Math.max(floor * 0.8, raw));
  const a = (1 - c) * model.avoidance * (0.6 + d / 250);
  return { c, a };
}

function binsOf(model: SampleModel, domain: DomainName, perBin: number, templateOffset = 0): BinShares[] {
  const bins: BinShares[] = [];
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    // The anagram domain has no items in the hardest bin: the report must cope with gaps.
    if (domain === 'anagram' && bin === BIN_COUNT - 1) continue;
    const { c, a } = outcomeAt(model, domain, bin, templateOffset);
    bins.push(binShares(bin, shares(c, a, perBin)));
  }
  return bins;
}

/** Walks bins from the easiest: the largest d* whose cumulative incorrect bound stays under ε. */
export function safeRegionOf(bins: { to: number; n: number; rate: number }[], epsilon: number, alpha: number): SafeRegion {
  let errors = 0;
  let n = 0;
  let last: SafeRegion = { epsilon, alpha, maxDifficulty: null, bin: null, upperBound: 1 };
  for (const [i, b] of bins.entries()) {
    errors += b.rate * b.n;
    n += b.n;
    const upper = wilson(errors / Math.max(1, n), n).high;
    if (upper >= epsilon) return i === 0 ? { ...last, upperBound: upper } : last;
    last = { epsilon, alpha, maxDifficulty: b.to, bin: i, upperBound: upper };
  }
  return last;
}

function templatesOf(model: SampleModel, domain: DomainName, perBin: number): TemplateCurve[] {
  const domainIndex = DOMAIN_NAMES.indexOf(domain);
  return Array.from({ length: TEMPLATES }, (_, t) => {
    // Template 07 is bad for shaped models (and 12 for the largest raw ones): they get flagged.
    const flagged = (t === 6 && model.metadata.shaping === 'shaped') || (t === 11 && model.ability > 0.85 && domainIndex % 2 === 0);
    const offset = flagged ? -0.22 : (jitter(model.index, domainIndex, t, 99) - 0.5) * 0.08;
    const bins = binsOf(model, domain, Math.round(perBin / TEMPLATES), offset);
    const c = bins.reduce((s, b) => s + b.correct.value, 0) / bins.length;
    const a = bins.reduce((s, b) => s + b.avoidant.value, 0) / bins.length;
    const templateId = model.key.includes('<script>') && t === 2 ? `${domain}-<b>03</b>` : `${domain}-${String(t + 1).padStart(2, '0')}`;
    return { templateId, overall: shares(c, a, bins.length * Math.round(perBin / TEMPLATES)), bins, flagged };
  });
}

function indicatorsOf(bins: BinShares[], templates: TemplateCurve[], model: SampleModel, domainIndex: number): Indicators {
  const n = bins.reduce((s, b) => s + b.n, 0);
  const mean = (pick: (b: BinShares) => number): number => bins.reduce((s, b) => s + pick(b) * b.n, 0) / Math.max(1, n);
  const c = mean((b) => b.correct.value);
  const a = mean((b) => b.avoidant.value);
  const i = mean((b) => b.incorrect.value);
  const spread = bins.map((_, k) => {
    const values = templates.map((t) => t.bins[k]?.correct.value ?? 0);
    return Math.max(...values) - Math.min(...values);
  });
  const templateSpread = round6(spread.reduce((s, x) => s + x, 0) / Math.max(1, spread.length));
  const easiest = bins.slice(0, 3);
  return {
    n,
    correctness: wilson(c, n),
    prudence: wilson(c + a, n),
    ultracrepidarian: a + i > 0 ? wilson(i / (a + i), Math.round(n * (a + i))) : null,
    // One cell has no concordance (constant input in the analyses' terms): exercise the null path.
    concordance: model.index === 2 && domainIndex === 1 ? null : around(0.35 + 0.5 * model.ability, 0.03),
    easiestDecileCorrectness: wilson(easiest.reduce((s, b) => s + b.correct.value, 0) / Math.max(1, easiest.length), easiest.reduce((s, b) => s + b.n, 0)),
    promptStability: around(1 - templateSpread / 2, 0.02),
    templateDependentShare: around(templateSpread * 1.4, 0.03),
    templateSpread,
  };
}

function supervisionOf(model: SampleModel, bins: BinShares[], epsilon: number, alpha: number): ModelDomainAnalysis['supervision'] {
  // Two models were studied with people (S2): a small shaped one and a mid-sized shaped one.
  if (model.index !== 1 && model.index !== 5) return null;
  const sbins: SupervisionBin[] = bins.map((b) => {
    const wrongJudged = 10 + (b.bin % 7) * 3;
    return { bin: b.bin, from: b.from, to: b.to, wrongJudged, acceptedAsCorrect: wilson(0.08 + (0.45 * b.to) / 100, wrongJudged) };
  });
  const rates = bins.map((b, k) => ({ to: b.to, n: b.n, rate: b.incorrect.value * (sbins[k]?.acceptedAsCorrect.value ?? 0) }));
  return { bins: sbins, safeRegion: safeRegionOf(rates, epsilon, alpha) };
}

export function analyseDomain(model: SampleModel, domain: DomainName, perBin: number): ModelDomainAnalysis {
  const domainIndex = DOMAIN_NAMES.indexOf(domain);
  const bins = binsOf(model, domain, perBin);
  const templates = templatesOf(model, domain, perBin);
  const rates = bins.map((b) => ({ to: b.to, n: b.n, rate: b.incorrect.value }));
  return {
    modelKey: model.key,
    domain,
    bins,
    templates,
    indicators: indicatorsOf(bins, templates, model, domainIndex),
    safeRegion: safeRegionOf(rates, 0.05, 0.05),
    randomGuess: domain === 'science' ? 0.25 : null,
    supervision: supervisionOf(model, bins, 0.05, 0.05),
  };
}

/** Over all domains: trial-weighted means of the domain indicators. */
export function overallOf(domains: ModelDomainAnalysis[]): Indicators {
  const n = domains.reduce((s, d) => s + d.indicators.n, 0);
  const avg = (pick: (i: Indicators) => number): number => domains.reduce((s, d) => s + pick(d.indicators) * d.indicators.n, 0) / Math.max(1, n);
  const ultra = domains.filter((d) => d.indicators.ultracrepidarian !== null);
  const conc = domains.flatMap((d) => (d.indicators.concordance ? [d.indicators.concordance.value] : []));
  return {
    n,
    correctness: wilson(avg((i) => i.correctness.value), n),
    prudence: wilson(avg((i) => i.prudence.value), n),
    ultracrepidarian: ultra.length ? wilson(ultra.reduce((s, d) => s + (d.indicators.ultracrepidarian?.value ?? 0), 0) / ultra.length, n) : null,
    concordance: conc.length ? around(conc.reduce((s, x) => s + x, 0) / conc.length, 0.02) : null,
    easiestDecileCorrectness: wilson(avg((i) => i.easiestDecileCorrectness.value), n),
    promptStability: around(avg((i) => i.promptStability.value), 0.01),
    templateDependentShare: around(avg((i) => i.templateDependentShare.value), 0.01),
    templateSpread: round6(avg((i) => i.templateSpread)),
  };
}
