/**
 * The rule layer: from the candidates, the avoidance phrases and what preparation found, decide
 * whether the response commits to an answer (and which) or avoids — and name the rule. The domain
 * check is not called here; grade.ts grades what this chooses. Rules are documented in
 * docs/grading.md and listed in rule-table.ts.
 */
import type { DomainName, Item } from '../../core/item.js';
import type { PhraseFamily, Phrases } from '../avoidance/phrases.js';
import { type Candidate, FINAL, LOOSE, STATED, type Tier } from '../extract/candidate.js';
import type { PassingPolicy } from '../extract/domain-extractors.js';
import type { AvoidanceType } from '../grade-types.js';
import { continuesPromptList } from '../prepare/list-shape.js';
import type { Prepared } from '../prepare/prepare-response.js';
import { shareWordBoundary } from '../regex-scan.js';
import { anyVisible, codeAt, countVisible } from '../text-stats.js';
import type { RuleId } from './rule-table.js';

export interface Evidence {
  prepared: Prepared;
  candidates: Candidate[];
  phrases: Phrases;
  domain: DomainName | undefined;
  /** Tells two answers apart (the domain's key); `keyItem` is passed to it. */
  key: (value: string, item: Item | undefined) => string;
  keyItem: Item | undefined;
  passing: PassingPolicy;
  /** Half or more of the text is the prompt's own values (addends, the scramble). */
  mostlyPromptValues: boolean;
  completion: boolean;
  /**
   * The prompt, for the list-shape rule (completion mode only; undefined: the rule is off). Read
   * only when a rule needs it: most responses are decided without it.
   */
  listPrompt: string | undefined;
}

export type Decision =
  | { kind: 'avoidant'; avoidance: AvoidanceType; ruleId: RuleId; why: string }
  | { kind: 'committed'; chosen: Candidate[]; ruleId: RuleId; why: string };

const TASK_WORDS: Record<DomainName, RegExp> = {
  addition: /\b(?:add|adding|addition|sum|plus|total|digits?|carry|numbers?|calculat\w*|comput\w*)\b/i,
  anagram: /\b(?:letters?|words?|anagrams?|unscrambl\w*|rearrang\w*|scrambl\w*|jumbled?)\b/i,
  locality: /\b(?:towns?|city|cities|km|kilomet\w*|population|near(?:by)?|distance|places?|villages?|radius|map)\b/i,
  science: /\b(?:options?|answers?|questions?|correct|choices?|letters?)\b/i,
  transforms: /\b(?:list|convert\w*|format\w*|lines?|data|output|result|sort\w*|entries|transform\w*|records?)\b/i,
};
const ANY_TASK_WORD = new RegExp(shareWordBoundary(Object.values(TASK_WORDS).map((r) => r.source).join('|')), 'i');


function quote(text: string): string {
  const one = text.includes('\n') ? text.replace(/\s+/g, ' ') : text;
  return `"${one.length > 40 ? `${one.slice(0, 39)}…` : one}"`;
}

const visibleLength = countVisible;

/** No answer and none of the phrase families: how the text still shows what it is doing. */
const DIGRESSION = /\b(?:did you know|fun fact|by the way)\b/i;
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|my|me)\b/;
const ASKS_ABOUT = /\b(?:you|your|this|these|that|the \w+)\b/i;
const TASK_WORDS_ALL = Object.fromEntries(Object.entries(TASK_WORDS).map(([d, r]) => [d, new RegExp(r.source, 'gi')])) as Record<DomainName, RegExp>;
const ANY_TASK_WORD_ALL = new RegExp(ANY_TASK_WORD.source, 'gi');

/** ".", "!", "?" and a line break end a sentence. */
const SENTENCE_END = new Set([46, 33, 63, 10]);

/** The first question sentence (ending in "?") that asks about "you", "this" or "the …". */
function questionBack(text: string): string | undefined {
  let end = text.indexOf('?');
  while (end >= 0) {
    let start = end - 1;
    while (start >= 0 && !SENTENCE_END.has(codeAt(text, start))) start--;
    const sentence = text.slice(start + 1, end + 1);
    if (ASKS_ABOUT.test(sentence)) return sentence.trim();
    end = text.indexOf('?', end + 1);
  }
  return undefined;
}

function taskWordCount(text: string, domain: DomainName | undefined): number {
  const re = domain === undefined ? ANY_TASK_WORD_ALL : TASK_WORDS_ALL[domain];
  re.lastIndex = 0;
  const seen: string[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const w = m[0].toLowerCase();
    if (!seen.includes(w)) seen.push(w);
  }
  return seen.length;
}

type Avoidant = Extract<Decision, { kind: 'avoidant' }>;

/** A completion whose lines are in the format of the prompt's list lines ("Field: value", "E. option"). */
function listShape(ev: Evidence): boolean {
  return ev.completion && continuesPromptList(ev.prepared.text, ev.listPrompt);
}

function avoid(avoidance: AvoidanceType, ruleId: RuleId, why: string): Avoidant {
  return { kind: 'avoidant', avoidance, ruleId, why };
}

/** Why a response with no answer is avoidant, and which sub-type. */
export function classifyNoAnswer(ev: Evidence): Avoidant {
  const p = ev.phrases;
  const text = ev.prepared.text;
  const prep = ev.prepared;
  if (prep.code && visibleLength(text) < 40) {
    return ev.completion
      ? avoid('off-topic', 'off-topic', 'no answer; program code')
      : avoid('meta', 'meta', 'offers a program instead of the answer');
  }
  if (prep.thought && !anyVisible(text)) {
    return prep.thinkUnfinished
      ? avoid('meta', 'think-unfinished', 'the think block never closed; no answer after it')
      : avoid('meta', 'think-only', 'only a think block; no answer after it');
  }
  if (prep.cutAtStart) {
    if (prep.echoShare >= 0.5) return avoid('echo', 'echo', 'the continuation repeats the prompt');
    // One call for both cases: a call first made after this was compiled would throw the code away.
    const opening = prep.cut === 'prompt-opening';
    return avoid(
      opening ? 'echo' : 'off-topic',
      opening ? 'echo' : 'new-question',
      opening ? "the continuation repeats the prompt's template with new values (stop rule: prompt-opening)" : `the continuation starts a new question (stop rule: ${prep.cut})`,
    );
  }
  const refusal = p.get('refusal');
  if (refusal) return avoid('refusal', 'refusal', `no answer; declines: ${quote(refusal.text)}`);
  const clar = p.get('clarification');
  if (clar) return avoid('clarification', 'clarification', `no answer; asks back: ${quote(clar.text)}`);
  const epi = p.get('inability') ?? p.get('decline') ?? p.get('hedge');
  if (epi) return avoid('epistemic', 'epistemic', `no answer; says ${quote(epi.text)}`);
  const off = p.get('off-topic');
  if (off) return avoid('off-topic', 'off-topic', `no answer; unrelated text (${quote(off.text)})`);
  if (prep.echoShare >= 0.5) return avoid('echo', 'echo', `no answer; ${Math.round(prep.echoShare * 100)}% of the text repeats the prompt`);
  if (ev.mostlyPromptValues) return avoid('echo', 'echo', "no answer; the text repeats the prompt's own values");
  if (!anyVisible(text)) {
    return prep.echoShare > 0
      ? avoid('echo', 'echo', 'no answer; only prompt text')
      : avoid('empty', 'empty', 'no text after removing formatting');
  }
  if (prep.cut !== null && prep.cut !== 'blank-line' && visibleLength(text) < 20) {
    return avoid('off-topic', 'new-question', `no answer before a new question (stop rule: ${prep.cut})`);
  }
  if (ev.completion && FIRST_PERSON.test(text) && !p.get('meta') && taskWordCount(text, ev.domain) >= 1) {
    return avoid('echo', 'echo', "no answer; the continuation goes on in the prompt's voice");
  }
  if (listShape(ev)) return avoid('echo', 'echo', "no answer; the continuation extends the prompt's list");
  if (text.trimEnd().endsWith(':')) return avoid('meta', 'meta', 'announces an answer that never comes');
  if (DIGRESSION.test(text)) return avoid('off-topic', 'off-topic', 'no answer; a digression');
  const asked = questionBack(text);
  if (asked !== undefined) return avoid('clarification', 'clarification', `no answer; asks back: ${quote(asked)}`);
  const meta = p.get('meta');
  if (meta || taskWordCount(text, ev.domain) >= 2) {
    return avoid('meta', 'meta', meta ? `talks about the task (${quote(meta.text)}) without an answer` : 'talks about the task without an answer');
  }
  return avoid('off-topic', 'off-topic', 'no answer; text unrelated to the task');
}

function topTier(cands: readonly Candidate[]): Tier {
  let t: Tier = LOOSE;
  for (const c of cands) if (c.tier > t) t = c.tier;
  return t;
}

function distinct(cands: readonly Candidate[], key: (v: string, item: Item | undefined) => string, item: Item | undefined): Candidate[] {
  if (cands.length === 1) return [cands[0] as Candidate];
  const seen: string[] = [];
  const out: Candidate[] = [];
  for (const c of cands) {
    const k = key(c.value, item);
    if (!seen.includes(k)) {
      seen.push(k);
      out.push(c);
    }
  }
  return out;
}

/** Passing mentions only: the domain's policy picks, or finds no commitment. */
function passing(ev: Evidence, loose: Candidate[]): Candidate[] | null {
  const sorted = [...loose].sort((a, b) => a.pos - b.pos);
  if (ev.passing === 'last') return [sorted[sorted.length - 1] as Candidate];
  if (ev.passing === 'first') return [sorted[0] as Candidate];
  const all = distinct(sorted, ev.key, ev.keyItem);
  if (ev.passing === 'all') return all;
  return all.length === 1 ? all : null;
}

/** How a candidate was found without any answer marker: a story or a web page can look like that. */
const UNMARKED = new Set(['whole', 'bare-line', 'block', 'after-cue']);

const BLOCKING: readonly PhraseFamily[] = ['refusal', 'inability', 'decline', 'clarification', 'off-topic'];

function blocked(phrases: Phrases): boolean {
  for (const f of BLOCKING) if (phrases.has(f)) return true;
  return false;
}

/** An earlier stated (or final) answer, offered apart from the winner, that differs from all it chose. */
function earlierOther(ev: Evidence, winner: Candidate, chosen: readonly Candidate[]): Candidate | undefined {
  for (const c of ev.candidates) {
    if (c.tier < STATED || c.group === winner.group || c.pos >= winner.pos) continue;
    if (!hasKey(ev, chosen, ev.key(c.value, ev.keyItem))) return c;
  }
  return undefined;
}

/**
 * Whether one of the candidates has the key. (A loop rather than `map` and `includes`: the array
 * `map` builds changed its kind once in a long run, which threw away the code compiled for this.)
 */
function hasKey(ev: Evidence, cands: readonly Candidate[], key: string): boolean {
  for (const w of cands) if (ev.key(w.value, ev.keyItem) === key) return true;
  return false;
}

export function decide(ev: Evidence): Decision {
  if (ev.candidates.length === 0) return classifyNoAnswer(ev);
  const tier = topTier(ev.candidates);
  if (tier === LOOSE) {
    if (ev.prepared.echoShare >= 0.5 || listShape(ev)) {
      return { kind: 'avoidant', avoidance: 'echo', ruleId: 'echo', why: 'mostly a copy or continuation of the prompt; values only in passing' };
    }
    if (blocked(ev.phrases)) {
      const d = classifyNoAnswer(ev);
      return avoid(d.avoidance, 'avoidance-over-mention', `${d.why}; values only in passing`);
    }
    const chosen = passing(ev, ev.candidates);
    if (chosen === null) return { kind: 'avoidant', avoidance: 'meta', ruleId: 'no-commitment', why: 'mentions several options in passing and picks none' };
    if (chosen.length > 1) return { kind: 'committed', chosen, ruleId: 'several-candidates', why: 'several answers offered in passing' };
    return { kind: 'committed', chosen, ruleId: ev.phrases.has('hedge') ? 'hedge-committed' : 'answer-in-passing', why: 'answer found in passing' };
  }
  // The last offer of the top tier (the last of those at the largest offset).
  let winner = ev.candidates[0] as Candidate;
  let found = false;
  for (const c of ev.candidates) {
    if (c.tier === tier && (!found || c.pos >= winner.pos)) {
      winner = c;
      found = true;
    }
  }
  const offTopic = UNMARKED.has(winner.how) ? ev.phrases.get('off-topic') : undefined;
  if (offTopic) return { kind: 'avoidant', avoidance: 'off-topic', ruleId: 'off-topic', why: `unrelated text (${quote(offTopic.text)}); nothing offered as an answer` };
  const group: Candidate[] = [];
  for (const c of ev.candidates) if (c.group === winner.group) group.push(c);
  const chosen = distinct(group, ev.key, ev.keyItem);
  if (winner.how === 'whole' && chosen.length === 1) {
    // The response is nothing but the answer: no phrase can be present.
    return { kind: 'committed', chosen, ruleId: 'bare-answer', why: 'the whole response is the answer' };
  }
  let hedged = true;
  for (const c of chosen) hedged &&= c.hedged;
  if (hedged && ev.phrases.has('decline')) {
    return { kind: 'avoidant', avoidance: 'epistemic', ruleId: 'hedge-declined', why: `declines to answer (${quote(ev.phrases.get('decline')?.text ?? '')}); values only hedged` };
  }
  if (chosen.length > 1) return { kind: 'committed', chosen, ruleId: 'several-candidates', why: 'several answers offered together' };
  const refusal = ev.phrases.get('refusal');
  if (refusal) return { kind: 'committed', chosen, ruleId: 'refusal-with-answer', why: `states an answer despite declining (${quote(refusal.text)})` };
  const doubt = ev.phrases.get('inability') ?? ev.phrases.get('decline') ?? ev.phrases.get('hedge');
  if (doubt || winner.hedged) return { kind: 'committed', chosen, ruleId: 'hedge-committed', why: `hedged answer commits${doubt ? ` (${quote(doubt.text)})` : ''}` };
  const earlierDifferent = earlierOther(ev, winner, chosen);
  if (tier === FINAL) {
    return earlierDifferent
      ? { kind: 'committed', chosen, ruleId: 'final-answer-wins', why: `final answer replaces earlier ${quote(earlierDifferent.value)}` }
      : { kind: 'committed', chosen, ruleId: 'final-answer', why: `final answer (${winner.how})` };
  }
  if (earlierDifferent) {
    return { kind: 'committed', chosen, ruleId: 'last-stated-wins', why: `last stated answer replaces earlier ${quote(earlierDifferent.value)}` };
  }
  const bare = winner.how === 'whole';
  return { kind: 'committed', chosen, ruleId: bare ? 'bare-answer' : 'stated-answer', why: bare ? 'the whole response is the answer' : `stated answer (${winner.how})` };
}
