/**
 * Avoidance-only grading for free text with no gold (`grade --input` rows without a gold answer):
 * does the response avoid, and how? Same preparation, phrases and rules as `grade`; with a domain,
 * that domain's extractor decides whether an answer is there. Without one, any stated answer
 * counts, and text that neither states an answer nor shows avoidance (no avoidance or meta phrase,
 * not an echo, not empty, not a new question) is taken as committed: rule `no-avoidance-found`.
 */
import { findPhrases } from './avoidance/phrases.js';
import { EXTRACTORS } from './extract/domain-extractors.js';
import { extractGeneric } from './extract/generic.js';
import type { AvoidanceGrade, AvoidanceInput } from './grade-types.js';
import { prepareResponse } from './prepare/prepare-response.js';
import { oneLine, shortAnswer } from './rationale.js';
import { decide } from './rules/decide.js';
import { GRADER_VERSION } from './version.js';

const PHRASE_RULES = new Set(['refusal', 'clarification', 'epistemic', 'hedge-declined', 'avoidance-over-mention', 'echo', 'empty', 'think-unfinished', 'new-question']);

function genericKey(value: string): string {
  return value.trim().toLowerCase();
}

export function gradeAvoidance(input: AvoidanceInput): AvoidanceGrade {
  const mode = input.mode ?? 'chat';
  if (/^\s*$/.test(input.response)) {
    return { outcome: 'avoidant', avoidance: 'empty', extracted: null, ruleId: 'empty', graderVersion: GRADER_VERSION, rationale: 'avoidant (empty): the response is empty' };
  }
  const prepared = prepareResponse(input.response, input.prompt, undefined, mode);
  const phrases = findPhrases(prepared.text);
  const extractor = input.domain === undefined ? undefined : EXTRACTORS[input.domain];
  const candidates = /^\s*$/.test(prepared.text)
    ? []
    : extractor === undefined
      ? extractGeneric(prepared.text)
      : extractor.extract(prepared.text, undefined, mode === 'completion');
  const key = extractor === undefined ? genericKey : extractor.key;
  const decision = decide({ prepared, candidates, phrases, domain: input.domain, key, keyItem: undefined, passing: extractor?.passing ?? 'first', mostlyPromptValues: false, completion: mode === 'completion', listPrompt: undefined });
  const byPhrase =
    decision.kind === 'avoidant' &&
    ((decision.ruleId === 'off-topic' && phrases.has('off-topic')) || (decision.ruleId === 'meta' && phrases.has('meta')));
  if (decision.kind === 'avoidant' && (extractor !== undefined || PHRASE_RULES.has(decision.ruleId) || byPhrase)) {
    return {
      outcome: 'avoidant',
      avoidance: decision.avoidance,
      extracted: null,
      ruleId: decision.ruleId,
      graderVersion: GRADER_VERSION,
      rationale: oneLine(`avoidant (${decision.avoidance}): ${decision.why} [${decision.ruleId}]`),
    };
  }
  if (decision.kind === 'committed') {
    const extracted = decision.chosen.map((c) => c.value).join(' | ');
    return {
      outcome: 'committed',
      extracted,
      ruleId: decision.ruleId,
      graderVersion: GRADER_VERSION,
      rationale: oneLine(`committed: "${shortAnswer(extracted)}"; ${decision.why} [${decision.ruleId}]`),
    };
  }
  return {
    outcome: 'committed',
    extracted: null,
    ruleId: 'no-avoidance-found',
    graderVersion: GRADER_VERSION,
    rationale: 'committed: no avoidance phrase, echo or empty text found, so the response is taken as an answer [no-avoidance-found]',
  };
}
