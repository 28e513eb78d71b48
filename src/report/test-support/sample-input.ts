/**
 * A realistic ReportInput made by hand-written formulas (not by src/analysis): simulated models whose
 * correctness falls with difficulty, raw models that avoid more and shaped ones that err more (the
 * paper's pattern), flagged templates, a "none" safe region, supervision for two models, trends,
 * and failure examples carrying XSS payloads. One model key is itself an XSS payload.
 */
import { BIN_COUNT, DOMAIN_NAMES, type DomainName } from '../../core/item.js';
import type { Analysis, FailureExample, ModelAnalysis, ModelMetadata, ReportInput } from '../../analysis/analysis-types.js';
import { analyseDomain, overallOf } from './sample-domain.js';
import { sampleTrends } from './sample-trends.js';

export const XSS_MODEL_KEY = 'replay:<img src=x onerror=alert(1)><script>alert("key")</script>|a`b`';
export const XSS_PROMPT = 'What is 2 + 2? <script>alert("prompt")</script>';
export const XSS_RESPONSE = '<img src=x onerror=alert("response")> The answer is 5. </textarea><script>alert(3)</script>';
export const XSS_RATIONALE = 'final-answer-wins: took "5" </textarea><svg onload=alert(4)>';

export interface SampleOptions {
  models?: number;
  domains?: readonly DomainName[];
  /** Put the XSS payload into the last model's key (default true). */
  xssModelKey?: boolean;
  /** Trials per bin (default 300). */
  perBin?: number;
}

const FAMILIES = ['llama', 'gpt', 'bloom', 'qwen'] as const;
const SIZES = [1, 3, 8, 14, 34, 70, 175, 405];

export interface SampleModel {
  key: string;
  index: number;
  metadata: ModelMetadata;
  /** 0–1: how much of the easy items it gets right. */
  ability: number;
  /** 0–1: how readily it avoids instead of answering. */
  avoidance: number;
}

export function sampleModels(count: number, xssKey: boolean): SampleModel[] {
  const pairs = Math.ceil(count / 2);
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    // Models come in raw / shaped pairs of one family, sizes spread over the whole range.
    const pair = Math.floor(index / 2);
    // Few models: two families, so each family still spans several sizes (scaling lines).
    const family = FAMILIES[pair % (pairs <= 4 ? 2 : FAMILIES.length)] ?? 'llama';
    const sizeB = SIZES[Math.floor((pair * SIZES.length) / pairs)] ?? 1;
    const shaping = index % 2 === 0 ? 'raw' : 'shaped';
    let plain = `ollama:${family}-${sizeB}b${shaping === 'shaped' ? '-chat' : ''}`;
    if (taken.has(plain)) plain = `${plain}-${index}`;
    taken.add(plain);
    const key = xssKey && index === count - 1 ? XSS_MODEL_KEY : plain;
    // Size drives ability logarithmically; shaping trades avoidance for (wrong) answers.
    const ability = Math.min(0.995, 0.5 + 0.085 * Math.log2(sizeB + 1) + (shaping === 'shaped' ? 0.04 : 0));
    const avoidance = shaping === 'raw' ? 0.55 : 0.12;
    const metadata: ModelMetadata = { family, sizeB, computeFlops: 6 * sizeB * 1e9 * 2e12, shaping };
    return { key, index, metadata, ability, avoidance };
  });
}

export function sampleAnalysis(options: SampleOptions = {}): Analysis {
  const domains = options.domains ?? DOMAIN_NAMES;
  const models = sampleModels(options.models ?? 8, options.xssModelKey ?? true);
  const perBin = options.perBin ?? 300;
  const analyses: ModelAnalysis[] = models.map((model) => {
    const perDomain = domains.map((domain) => analyseDomain(model, domain, perBin));
    return { modelKey: model.key, metadata: model.metadata, overall: overallOf(perDomain), domains: perDomain };
  });
  return {
    settings: {
      epsilon: 0.05,
      alpha: 0.05,
      bootstrapSamples: 1000,
      seed: 'sample-seed',
      calibration: Object.fromEntries(domains.map((d) => [d, d === 'science' ? 's1-pava' : 'default'])),
    },
    models: analyses,
    trends: sampleTrends(analyses),
  };
}

function exampleFor(modelKey: string, domain: DomainName, rank: number, hostile: boolean): FailureExample {
  const difficulty = Math.round((rank + 0.5) * (100 / BIN_COUNT) * 1e6) / 1e6;
  return {
    modelKey,
    domain,
    itemId: `${domain}-${(0x5e6f7000 + rank * 0x1111).toString(16).padStart(16, '0')}`,
    templateId: `${domain}-${String(rank + 3).padStart(2, '0')}`,
    difficulty,
    prompt: hostile ? XSS_PROMPT : `Question ${rank + 1} for ${domain}:\nPlease answer briefly.`,
    response: hostile ? XSS_RESPONSE : `I think the answer is probably "${rank * 7}" & not more.`,
    extracted: hostile ? '5' : rank === 1 ? null : String(rank * 7),
    rationale: hostile ? XSS_RATIONALE : 'final-answer-wins: extracted answer differs from the gold',
  };
}

export function sampleReportInput(options: SampleOptions = {}): ReportInput {
  const analysis = sampleAnalysis(options);
  // Two easiest failures per model × domain; the first model's and the XSS model's carry payloads.
  const examples = analysis.models.flatMap((m, mi) =>
    m.domains.flatMap((d) => [0, 1].map((rank) => exampleFor(m.modelKey, d.domain, rank, rank === 0 && (mi === 0 || m.modelKey === XSS_MODEL_KEY)))),
  );
  return {
    title: 'Sample reliability report <script>alert("title")</script>',
    runIds: ['run-2024-01-01-a', 'run-2024-01-01-b'],
    createdAt: '2024-01-02T03:04:05.000Z',
    analysis,
    examples,
  };
}
