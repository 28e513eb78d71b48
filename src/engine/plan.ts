import { ReliabenchError } from '../core/errors.js';
import type { DomainName, Item } from '../core/item.js';
import { renderPrompt, type RenderMode, type Template } from '../core/template.js';
import type { PlanFilter, PlannedTrial, SkipTrial, TrialSource } from './run-types.js';

/**
 * The plan: items × templates × models × samples (METHOD.md §3), after the PlanFilter. Only the
 * selected items and templates are held; trials (with their rendered prompts) are generated as the
 * executor pulls them, so a 2.4M-trial plan costs no more memory than its items.
 *
 * Order, per model: items in the order given (item-set order), then templates in domain order, then
 * samples 0…n-1. The same inputs always give the same trials in the same order.
 */
export interface PlanModel {
  key: string;
  samples: number;
  adapter: { mode: RenderMode };
}

export interface PlanInput {
  items: readonly Item[];
  /** The templates of each domain (a domain's `templates`); a domain without templates has no trials. */
  templates: Partial<Record<DomainName, readonly Template[]>>;
  models: readonly PlanModel[];
  filter?: PlanFilter;
}

export interface Plan extends TrialSource {
  /** The items that passed the filter, in plan order. */
  items: readonly Item[];
  /** The templates that passed the filter, per domain. */
  templates: Partial<Record<DomainName, readonly Template[]>>;
  /** Trials per model key. */
  perModel: Record<string, number>;
  /** Every model's trials, model after model (trialsFor each key in turn). */
  [Symbol.iterator](): Iterator<PlannedTrial>;
}

export function buildPlan(input: PlanInput): Plan {
  const filter = input.filter ?? {};
  checkFilter(filter, input.templates);
  const keys = new Set<string>();
  for (const model of input.models) {
    if (keys.has(model.key)) throw new ReliabenchError('BAD_ARGUMENT', `model key "${model.key}" is used twice in one run; give each model its own key`, { input: model.key });
    keys.add(model.key);
    if (!Number.isInteger(model.samples) || model.samples < 1) {
      throw new ReliabenchError('BAD_ARGUMENT', `samples for ${model.key} must be a whole number ≥ 1, got ${model.samples}`, { input: String(model.samples) });
    }
  }

  const templates: Partial<Record<DomainName, readonly Template[]>> = {};
  for (const [domain, list] of Object.entries(input.templates) as [DomainName, readonly Template[]][]) {
    templates[domain] = filter.templateIds === undefined ? list : list.filter((t) => filter.templateIds?.includes(t.id));
  }
  const items = selectItems(input.items, filter);
  const promptsPerModelSample = items.reduce((n, item) => n + (templates[item.domain]?.length ?? 0), 0);
  const perModel: Record<string, number> = {};
  for (const model of input.models) perModel[model.key] = promptsPerModelSample * model.samples;

  const trialsFor = (modelKey: string, skip?: SkipTrial): Iterable<PlannedTrial> => {
    const model = input.models.find((m) => m.key === modelKey);
    if (model === undefined) throw new ReliabenchError('BAD_ARGUMENT', `model key "${modelKey}" is not in this plan`, { input: modelKey });
    return generateTrials(model, items, templates, skip);
  };

  return {
    items,
    templates,
    perModel,
    total: Object.values(perModel).reduce((a, b) => a + b, 0),
    trialsFor,
    *[Symbol.iterator]() {
      for (const model of input.models) yield* trialsFor(model.key);
    },
  };
}

function* generateTrials(
  model: PlanModel,
  items: readonly Item[],
  templates: Partial<Record<DomainName, readonly Template[]>>,
  skip: SkipTrial | undefined,
): Generator<PlannedTrial> {
  const mode = model.adapter.mode;
  for (const item of items) {
    for (const template of templates[item.domain] ?? []) {
      let prompt: string | undefined; // rendered only if a sample is not skipped
      for (let sample = 0; sample < model.samples; sample++) {
        if (skip?.(item.id, template.id, sample) === true) continue;
        prompt ??= renderPrompt(template, item.input, mode);
        yield { modelKey: model.key, item, template, sample, mode, prompt };
      }
    }
  }
}

function selectItems(items: readonly Item[], filter: PlanFilter): Item[] {
  const taken = new Map<DomainName, number>();
  const out: Item[] = [];
  for (const item of items) {
    if (filter.domains !== undefined && !filter.domains.includes(item.domain)) continue;
    const d = item.difficulty.calibrated;
    if (filter.difficulty !== undefined && (d < filter.difficulty.min || d > filter.difficulty.max)) continue;
    const n = taken.get(item.domain) ?? 0;
    if (filter.limitPerDomain !== undefined && n >= filter.limitPerDomain) continue;
    taken.set(item.domain, n + 1);
    out.push(item);
  }
  return out;
}

function checkFilter(filter: PlanFilter, templates: Partial<Record<DomainName, readonly Template[]>>): void {
  if (filter.limitPerDomain !== undefined && (!Number.isInteger(filter.limitPerDomain) || filter.limitPerDomain < 1)) {
    throw new ReliabenchError('BAD_ARGUMENT', `the limit per domain must be a whole number ≥ 1, got ${filter.limitPerDomain}`, { input: String(filter.limitPerDomain) });
  }
  const range = filter.difficulty;
  if (range !== undefined && !(Number.isFinite(range.min) && Number.isFinite(range.max) && range.min <= range.max)) {
    throw new ReliabenchError('BAD_ARGUMENT', `the difficulty range must be min ≤ max on the 0–100 scale, got ${range.min}–${range.max}`, { input: `${range.min}-${range.max}` });
  }
  if (filter.templateIds !== undefined) {
    const known = new Set(Object.values(templates).flatMap((list) => (list ?? []).map((t) => t.id)));
    const unknown = filter.templateIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ReliabenchError('BAD_ARGUMENT', `unknown template id ${unknown.map((u) => `"${u}"`).join(', ')}: ids look like addition-01 … transforms-15`, { input: unknown.join(',') });
    }
  }
}

/** A TrialSource over trials already in hand (e.g. rebuilt by a caller), grouped by model in the given order. */
export function trialSourceOf(trials: Iterable<PlannedTrial>): TrialSource {
  const byModel = new Map<string, PlannedTrial[]>();
  let total = 0;
  for (const t of trials) {
    let list = byModel.get(t.modelKey);
    if (list === undefined) byModel.set(t.modelKey, (list = []));
    list.push(t);
    total++;
  }
  return {
    total,
    trialsFor: (modelKey, skip) => (byModel.get(modelKey) ?? []).filter((t) => skip?.(t.item.id, t.template.id, t.sample) !== true),
  };
}
