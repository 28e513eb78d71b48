import { DOMAIN_NAMES, type DomainName } from '../core/item.js';
import { fillTemplate } from '../core/template.js';
import type { GenerationSettings } from '../models/model-adapter.js';
import type { ModelEntry, PlannedTrial } from './run-types.js';

/**
 * Generation defaults and the stop rule for raw models (METHOD.md §3; docs/engine.md).
 *
 * Max tokens per domain [ours], sized for non-reasoning models: the longest gold answers are ~101
 * digits (addition), one word (anagram), one place name (locality), one letter (science) and up to
 * ~1,400 characters over up to 60 lines (transforms), with room for a chat model's sentence around
 * the answer. Reasoning models think inside these tokens and need more: set maxTokens in the config.
 */
export const DEFAULT_MAX_TOKENS: Readonly<Record<DomainName, number>> = {
  addition: 256,
  anagram: 64,
  locality: 128,
  science: 128,
  transforms: 1024,
};

export const DEFAULT_TEMPERATURE = 0;

/**
 * The stop rule for completion mode [ours]. A base model given "…\n\nAnswer:" answers and then runs
 * on, typically into a new question after a blank line, or into a new "Answer:" line. So:
 *   1. "\n\n" — a blank line ends the answer. No gold answer contains a blank line (transforms
 *      outputs are multi-line but never double-spaced), so multi-line answers survive whole.
 *   2. "\n" + the template's filled cue — a run-on that starts another "Answer:" (or "Sum:", …) line.
 * They are merged before any stop sequences the user configured (duplicates dropped). Two sequences
 * leave room for two user ones under OpenAI's limit of four. Chat mode gets no default stops.
 */
export function completionStops(trial: Pick<PlannedTrial, 'template' | 'item'>): string[] {
  const cue = fillTemplate(trial.template.cue, trial.item.input).trim();
  return cue === '' ? ['\n\n'] : ['\n\n', `\n${cue}`];
}

/** Settings for every domain: temperature 0, DEFAULT_MAX_TOKENS, overridable per domain. */
export function defaultSettings(
  overrides: { temperature?: number; seed?: number; stop?: readonly string[]; maxTokens?: Partial<Record<DomainName, number>> } = {},
): Record<DomainName, GenerationSettings> {
  const out = {} as Record<DomainName, GenerationSettings>;
  for (const domain of DOMAIN_NAMES) {
    out[domain] = {
      temperature: overrides.temperature ?? DEFAULT_TEMPERATURE,
      maxTokens: overrides.maxTokens?.[domain] ?? DEFAULT_MAX_TOKENS[domain],
      ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
      ...(overrides.stop === undefined || overrides.stop.length === 0 ? {} : { stop: [...overrides.stop] }),
    };
  }
  return out;
}

/** The settings actually sent for one trial: the model's settings for the item's domain plus the stop rule. */
export function requestSettings(entry: Pick<ModelEntry, 'settings' | 'defaultStops' | 'key'>, trial: Pick<PlannedTrial, 'template' | 'item' | 'mode'>): GenerationSettings {
  const base = entry.settings[trial.item.domain] as GenerationSettings | undefined;
  const settings: GenerationSettings = base ?? { temperature: DEFAULT_TEMPERATURE, maxTokens: DEFAULT_MAX_TOKENS[trial.item.domain] };
  if (trial.mode !== 'completion' || entry.defaultStops === false) return settings;
  const stop = [...new Set([...completionStops(trial), ...(settings.stop ?? [])])];
  return { ...settings, stop };
}
