/**
 * The simulated study of bench/paper-scale.bench.ts: the paper's scale, 32 models × 5 domains × 1,000
 * items × 15 templates = 2,400,000 graded trials, with behaviour shaped like the paper's findings.
 *
 * Models: 4 families × 4 sizes × {raw, shaped}, with size (billions of parameters) and training
 * compute as metadata, so every scaling and shaping trend of the report has points. Each model ×
 * domain is a SimulatedRespondent (src/analysis/simulate.ts): correctness is the logistic
 * σ((midpoint − difficulty)/scale + template offset), so it falls with difficulty; larger models have
 * a later midpoint; shaped-up models are more correct but avoid far less (the paper's "ultracrepidarian"
 * pattern), raw ones are more sensitive to the phrasing (two worse templates per domain). Two models
 * (the largest raw and shaped of the first family) also carry S2 judgements: a random few percent of
 * their trials judged by simulated people, who accept wrong answers as correct more often on harder
 * items.
 *
 * Generation (setup, timed apart) runs the simulation once and keeps only one byte per trial — its
 * outcome — plus the shared item tables; `trials()` then yields the GradedTrial objects the analysis
 * reads, the way the store's iterateGradedTrials yields rows (one fresh object per trial).
 */
import { DOMAIN_NAMES, type DomainName } from '../src/core/item.js';
import { Rng } from '../src/core/rng.js';
import type { FailureExample, GradedTrial, ModelMetadata, SupervisionJudgement } from '../src/analysis/analysis-types.js';
import { simulatedItems, simulateTrials, templateId, type SimulatedRespondent } from '../src/analysis/simulate.js';

export const SEED = 'paper-scale';
export const TEMPLATES = 15;

const FAMILIES = ['llama', 'gpt', 'bloom', 'qwen'] as const;
/** Billions of parameters, per size step of a family (families differ a little). */
const SIZES: readonly (readonly number[])[] = [[1, 7, 34, 70], [1.3, 6.7, 20, 175], [0.56, 3, 7.1, 176], [0.5, 7, 32, 72]];
const TRAINING_TOKENS = [1e12, 0.3e12, 0.37e12, 18e12];
/** Per domain, how much harder it is on the shared axis than the others (midpoint shift). */
const DOMAIN_SHIFT: Record<DomainName, number> = { addition: 6, anagram: -4, locality: -10, science: 4, transforms: 0 };

export interface PaperModel {
  key: string;
  metadata: ModelMetadata;
  /** Whether the model's trials get S2 judgements. */
  supervised: boolean;
}

export interface PaperShape {
  models: number;
  items: number;
}

export const PAPER_SHAPE: PaperShape = { models: 32, items: 1000 };

export function paperModels(count: number): PaperModel[] {
  const out: PaperModel[] = [];
  for (let f = 0; f < FAMILIES.length; f++) {
    for (let s = 0; s < 4; s++) {
      for (const shaping of ['raw', 'shaped'] as const) {
        const family = FAMILIES[f] as string;
        const sizeB = (SIZES[f] as readonly number[])[s] as number;
        const key = `sim:${family}-${sizeB}b${shaping === 'shaped' ? '-chat' : ''}`;
        const computeFlops = 6 * sizeB * 1e9 * (TRAINING_TOKENS[f] as number);
        out.push({ key, metadata: { family, sizeB, computeFlops, shaping }, supervised: f === 0 && s === 3 });
      }
    }
  }
  // Fewer than 32 (a quick check): keep the spread of sizes and both shapings.
  if (count >= out.length) return out;
  return out.filter((_, i) => i % Math.ceil(out.length / count) === 0 || out[i]?.supervised).slice(0, count);
}

export function respondent(model: PaperModel, domain: DomainName, items: number): SimulatedRespondent {
  const { sizeB = 1, shaping } = model.metadata;
  const shaped = shaping === 'shaped';
  const d = DOMAIN_NAMES.indexOf(domain);
  // Bigger models solve harder items; shaping-up adds a little more.
  const midpoint = 18 + 9 * Math.log2(sizeB + 1) + (shaped ? 8 : 0) - DOMAIN_SHIFT[domain];
  // Raw models stumble over two of the domain's phrasings; shaped ones barely notice.
  const bad = [(d * 3 + Math.round(sizeB)) % TEMPLATES, (d * 3 + 7) % TEMPLATES];
  return {
    modelKey: model.key,
    domain,
    items,
    templates: TEMPLATES,
    midpoint,
    scale: shaped ? 7 : 10,
    avoidance: shaped ? { easiest: 0.04, hardest: 0.15 } : { easiest: 0.25, hardest: 0.7 },
    templateOffsets: Array.from({ length: TEMPLATES }, (_, t) => (bad.includes(t) ? (shaped ? -0.3 : -1.2) : 0)),
  };
}

const OUTCOME_CODE = { correct: 0, avoidant: 1, incorrect: 2 } as const;
const OUTCOMES = ['correct', 'avoidant', 'incorrect'] as const;

export interface PaperStudy {
  shape: PaperShape;
  models: PaperModel[];
  metadata: Record<string, ModelMetadata>;
  /** Per domain: item ids, difficulties and bins (the same items for every model). */
  items: Record<DomainName, { ids: string[]; difficulty: Float64Array; bin: Int32Array }>;
  /** One byte per trial, in model, domain, item, template order: 0 correct, 1 avoidant, 2 incorrect. */
  outcomes: Uint8Array;
  judgements: SupervisionJudgement[];
  examples: FailureExample[];
  trialCount: number;
}

/** Runs the simulation once (the setup): outcomes, S2 judgements and the report's failure examples. */
export function generateStudy(shape: PaperShape): PaperStudy {
  const models = paperModels(shape.models);
  const metadata = Object.fromEntries(models.map((m) => [m.key, m.metadata]));
  const items = {} as PaperStudy['items'];
  for (const domain of DOMAIN_NAMES) {
    const list = simulatedItems(respondent(models[0] as PaperModel, domain, shape.items), SEED);
    items[domain] = { ids: list.map((x) => x.id), difficulty: Float64Array.from(list, (x) => x.difficulty), bin: Int32Array.from(list, (x) => x.bin) };
  }
  const trialCount = models.length * DOMAIN_NAMES.length * shape.items * TEMPLATES;
  const outcomes = new Uint8Array(trialCount);
  const judgements: SupervisionJudgement[] = [];
  const examples: FailureExample[] = [];
  const people = Rng.fromSeed(SEED, 's2-judgements');
  let k = 0;
  for (const model of models) {
    for (const domain of DOMAIN_NAMES) {
      let shown = 0;
      for (const t of simulateTrials(respondent(model, domain, shape.items), SEED)) {
        outcomes[k++] = OUTCOME_CODE[t.outcome];
        // The easiest wrong answers, as the store's easiestFailures picks them (items come easiest first).
        if (t.outcome === 'incorrect' && shown < 3) {
          shown++;
          examples.push(failureExample(t));
        }
        if (model.supervised) {
          const judged = judgement(people, t);
          if (judged) judgements.push(judged);
        }
      }
    }
  }
  if (k !== trialCount) throw new Error(`simulated ${k} trials, expected ${trialCount}`);
  return { shape, models, metadata, items, outcomes, judgements, examples, trialCount };
}

/** S2: 4% of wrong answers and 0.5% of the others judged; wrong ones accepted more often when harder. */
function judgement(rng: Rng, t: GradedTrial): SupervisionJudgement | null {
  const u = rng.float();
  if (u >= (t.outcome === 'incorrect' ? 0.04 : 0.005)) return null;
  const v = rng.float();
  let verdict: SupervisionJudgement['verdict'];
  if (t.outcome === 'incorrect') {
    const accept = 0.1 + 0.5 * (t.difficulty / 100);
    verdict = v < accept ? 'correct' : v < accept + 0.1 ? 'unsure' : 'incorrect';
  } else {
    verdict = v < 0.9 ? t.outcome : 'unsure';
  }
  const { modelKey, domain, itemId, templateId: tid, sample, difficulty, bin, outcome } = t;
  return { modelKey, domain, itemId, templateId: tid, sample, difficulty, bin, outcome, verdict };
}

function failureExample(t: GradedTrial): FailureExample {
  return {
    modelKey: t.modelKey,
    domain: t.domain,
    itemId: t.itemId,
    templateId: t.templateId,
    difficulty: t.difficulty,
    prompt: `(simulated ${t.domain} item ${t.itemId}, asked through template ${t.templateId})`,
    response: 'The answer is 42. I am confident this is correct.',
    extracted: '42',
    rationale: 'simulated: final answer differs from the gold answer',
  };
}

/** The graded trials, one fresh object each, in the order they were simulated (model, domain, item, template). */
export function* trials(study: PaperStudy): Generator<GradedTrial> {
  const { outcomes, items } = study;
  const templateIds = Object.fromEntries(DOMAIN_NAMES.map((d) => [d, Array.from({ length: TEMPLATES }, (_, t) => templateId(d, t))])) as Record<DomainName, string[]>;
  let k = 0;
  for (const model of study.models) {
    for (const domain of DOMAIN_NAMES) {
      const { ids, difficulty, bin } = items[domain];
      const tids = templateIds[domain];
      for (let j = 0; j < ids.length; j++) {
        for (let t = 0; t < TEMPLATES; t++) {
          const outcome = OUTCOMES[outcomes[k++] as number] as GradedTrial['outcome'];
          yield {
            modelKey: model.key,
            domain,
            itemId: ids[j] as string,
            templateId: tids[t] as string,
            sample: 0,
            difficulty: difficulty[j] as number,
            bin: bin[j] as number,
            outcome,
            avoidance: outcome === 'avoidant' ? 'epistemic' : null,
          };
        }
      }
    }
  }
}
