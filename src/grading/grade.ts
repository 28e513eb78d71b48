/**
 * The rule grader: `grade({ item, response, prompt?, mode? })` → correct / avoidant / incorrect, with
 * the extracted answer, the rule that decided, the grader version and a one-line rationale.
 * Pipeline (docs/grading.md): prepare (normalise, think blocks, stop rule, echo) → extract (per
 * domain) → find avoidance phrases → decide (rules/decide.ts) → check with the domain's own `check`.
 */
import type { Item } from '../core/item.js';
import { getDomain } from '../domains/registry.js';
import { findPhrases } from './avoidance/phrases.js';
import type { Candidate } from './extract/candidate.js';
import { EXTRACTORS } from './extract/domain-extractors.js';
import type { Grade, GradeInput } from './grade-types.js';
import { prepareResponse } from './prepare/prepare-response.js';
import { isOneLine, oneLine, shortAnswer } from './rationale.js';
import { decide } from './rules/decide.js';
import { codeAt, countVisible, hasVisible, isSpaceCode } from './text-stats.js';
import { GRADER_VERSION } from './version.js';

/** `/^\s*$/.test(text)`, stopping at the first character that is not a space (almost always the first). */
function isBlank(text: string): boolean {
  for (let i = 0, len = text.length; i < len; i++) if (!isSpaceCode(codeAt(text, i))) return false;
  return true;
}

const checked = new WeakMap<Item, Map<string, boolean>>();

/** The domain's check, memoised per item and answer (models repeat answers across templates). */
function check(item: Item, answer: string): boolean {
  let memo = checked.get(item);
  if (memo === undefined) {
    memo = new Map();
    checked.set(item, memo);
  }
  let ok = memo.get(answer);
  if (ok === undefined) {
    if (memo.size > 256) memo.clear();
    ok = getDomain(item.domain).check(item, answer);
    memo.set(answer, ok);
  }
  return ok;
}

function matches(item: Item, c: Candidate): boolean {
  if (check(item, c.value)) return true;
  return c.alt !== undefined && c.alt.some((a) => check(item, a));
}

/** Avoidance phrases are looked for in the prose around a long answer (a data block), not in the data. */
function phraseText(text: string, candidates: readonly Candidate[]): string {
  if (candidates.length !== 1) return text;
  const value = (candidates[0] as Candidate).value;
  return value.length > 80 && text.includes(value) ? text.replace(value, '\n') : text;
}

/**
 * Whether half or more of a text is the prompt's own values: the addends, or the scramble in any
 * case or spacing. (A yes or no, not the share itself: a field that holds 0 for most responses and
 * a fraction for some would change the shape of the evidence object and throw away compiled code.)
 */
function mostlyPromptValues(text: string, item: Item): boolean {
  const input = item.input;
  const values = item.domain === 'addition' ? [input['a'], input['b']] : item.domain === 'anagram' ? [input['letters'], input['letters_spaced']] : [];
  if (values.length === 0) return false;
  let rest = item.domain === 'anagram' ? text.toLowerCase() : text;
  let found = false;
  for (const v of values) {
    if (v === undefined || v.length === 0) continue;
    const lower = v.toLowerCase();
    if (rest.includes(lower)) {
      rest = rest.split(lower).join(' ');
      found = true;
    }
  }
  // No value in the text: nothing was taken out, so the share is 0 (lower-casing never changes how
  // many letters and digits a text has) — and the letters need not be counted.
  if (!found) return false;
  const visible = countVisible(text);
  if (visible === 0) return false;
  // (visible − left) / visible ≥ 0.5, in integers.
  return 2 * (visible - countVisible(rest)) >= visible;
}

/**
 * `oneLine(rationale)`, looking only at the two parts of it that are not fixed text (the reason and
 * the shortened answer): when neither has a line break, tab or CR, neither has the rationale.
 */
function mayFold(rationale: string, why: string, answer: string): string {
  return isOneLine(why) && isOneLine(answer) ? rationale : oneLine(rationale);
}

/**
 * The values joined with " | ". (A loop rather than `map` and `join`: the array `map` builds
 * changed its kind once in a long run, which threw away the code compiled for grade.)
 */
function joinValues(chosen: readonly Candidate[]): string {
  let out = (chosen[0] as Candidate).value;
  for (let i = 1; i < chosen.length; i++) out += ` | ${(chosen[i] as Candidate).value}`;
  return out;
}

export function grade(input: GradeInput): Grade {
  const { item, response } = input;
  const mode = input.mode ?? 'chat';
  if (isBlank(response)) {
    return { outcome: 'avoidant', avoidance: 'empty', extracted: null, ruleId: 'empty', graderVersion: GRADER_VERSION, rationale: 'avoidant (empty): the response is empty' };
  }
  const prepared = prepareResponse(response, input.prompt, item, mode);
  const extractor = EXTRACTORS[item.domain];
  const candidates = hasVisible(prepared.text) ? extractor.extract(prepared.text, item, mode === 'completion') : [];
  const decision = decide({
    prepared,
    candidates,
    phrases: findPhrases(phraseText(prepared.text, candidates), prepared.text),
    domain: item.domain,
    key: extractor.key,
    keyItem: item,
    passing: extractor.passing,
    mostlyPromptValues: candidates.length === 0 && mostlyPromptValues(prepared.text, item),
    completion: mode === 'completion',
    listPrompt: input.prompt,
  });
  if (decision.kind === 'avoidant') {
    return {
      outcome: 'avoidant',
      avoidance: decision.avoidance,
      extracted: null,
      ruleId: decision.ruleId,
      graderVersion: GRADER_VERSION,
      // The sub-type and rule id are fixed words: only the reason can hold a line break or tab.
      rationale: mayFold(`avoidant (${decision.avoidance}): ${decision.why} [${decision.ruleId}]`, decision.why, ''),
    };
  }
  // Several answers offered together commit to none of them: incorrect, whatever each is.
  const several = decision.chosen.length > 1;
  const correct = !several && matches(item, decision.chosen[0] as Candidate);
  const extracted = several ? joinValues(decision.chosen) : (decision.chosen[0] as Candidate).value;
  const short = shortAnswer(extracted);
  const rationale = several
    ? `incorrect: ${decision.why} ("${short}"), none singled out [${decision.ruleId}]`
    : `${correct ? 'correct' : 'incorrect'}: "${short}" ${correct ? 'matches' : 'does not match'} the gold; ${decision.why} [${decision.ruleId}]`;
  return { outcome: correct ? 'correct' : 'incorrect', extracted, ruleId: decision.ruleId, graderVersion: GRADER_VERSION, rationale: mayFold(rationale, decision.why, short) };
}
