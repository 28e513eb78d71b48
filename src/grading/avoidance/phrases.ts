/**
 * Phrase patterns of avoidance (English, case-insensitive; quotes are already straight). Each
 * family is one precompiled regex. Which families block an answer is decided in rules/decide.ts:
 *
 * - refusal: declining on policy or principle ("I can't help with that", "against my guidelines",
 *   "academic integrity", "I won't").
 * - inability (epistemic): "I don't know", "I can't compute that", "I'm not able to", "no idea",
 *   "beyond my capabilities", "too large to calculate".
 * - decline (epistemic): declining to answer or to guess ("I won't guess", "I can't give an answer").
 * - hedge (epistemic, never blocks an answer): "I'm not sure", "I might be wrong", "if I had to guess".
 * - clarification: a question back ("Could you clarify …?", "Did you mean …?") — the sentence must
 *   end with a question mark.
 * - meta: talk about the task ("Let's think step by step", "To solve this, …", "An anagram is …").
 * - off-topic: a story, web-page boilerplate ("Once upon a time", "Click here", "Chapter 3"), an
 *   HTML page, log lines, or program code — looked for in the whole response, data included.
 */

import { shareWordBoundary } from '../regex-scan.js';
import { codeAt, isSpaceCode } from '../text-stats.js';
import { WordScanner } from '../word-scan.js';

export type PhraseFamily = 'refusal' | 'decline' | 'inability' | 'hedge' | 'clarification' | 'meta' | 'off-topic';

/** "I can't", "I'm not able to", "I wasn't able to" … (follows "\bi"). */
const CANT =
  "(?: can't| cannot| can not| couldn't| could not| am unable to|'m unable to| am not able to|'m not able to| won't be able to| will not be able to| am not capable of|'m not capable of| wasn't able to| was not able to| was unable to)";
const QUALIFIED = '(?! (?:reliably|accurately|exactly|correctly|precisely|for sure|with certainty))';

const PLAIN: Record<PhraseFamily, RegExp> = {
  refusal: new RegExp(
    [
      `\\bi${CANT} (?:help|assist|comply|fulfil|fulfill|participate|engage|support)\\b`,
      `\\bi${CANT} (?:do (?:that|this)|answer (?:that|this|your) question|provide (?:that|this) (?:information|data))${QUALIFIED}\\b`,
      `\\bi${CANT} (?:just )?(?:give|provide|tell|offer|make|do)(?: you)?(?: out)? (?:the |personal |specific |any )?(?:answers? to|recommendations|advice|medical|legal|financial|homework|assignments?)`,
      `\\bi${CANT} (?:just )?(?:give|provide|tell) you the (?:answer|solution) (?:to (?:your|this) (?:homework|exam|test|quiz)|directly)`,
      "\\bi (?:won't|will not|refuse to|must decline|must refuse|have to decline|'ll have to decline|'ll pass)\\b",
      "\\bi(?:'m| am) not (?:allowed|permitted|comfortable|going to)\\b",
      "\\bi(?:'d| would) (?:rather|prefer) not\\b(?! (?:guess|risk|say|give (?:you )?(?:a |an )?(?:wrong|incorrect|inaccurate|possibly wrong|made-up)))",
      '\\b(?:against|violates?|violating|breach(?:es)?) (?:my|the|our|openai\'s|anthropic\'s|content|usage|community) ?(?:polic|guideline|rules|terms|principles)',
      '\\b(?:content|usage|safety) polic(?:y|ies)\\b',
      '\\bacademic (?:integrity|dishonesty|honesty|misconduct)\\b',
      '\\bhelp(?: you)? cheat\\b|\\bcheating on\\b',
      "\\bas an ai(?: language model| assistant)?,? i (?:cannot|can't|am not able|'m not able|am unable|'m unable|am not allowed|don't|do not)\\b",
      '\\b(?:it|this|that) (?:is|would be|seems) (?:inappropriate|harmful|unethical|illegal|unfair)\\b|\\b(?:inappropriate|harmful|unethical|illegal) (?:request|content|question|task)\\b',
      '\\b(?:do|complete|solve|work (?:on|through)) (?:your|the|this) (?:own )?(?:homework|assignment|exam|test|quiz|worksheet)(?: yourself| on your own)\\b',
      '\\b(?:personal|private|sensitive|confidential) (?:information|data|details|contact)\\b|\\b(?:for|due to|because of) privacy\\b|\\bprivacy (?:reasons|concerns)\\b|\\bpersonally identifiable\\b',
      '\\bi decline\\b',
    ].join('|'),
    'i',
  ),
  decline: new RegExp(
    [
      "\\bi (?:won't|will not|'d rather not|would rather not|don't want to|do not want to|prefer not to) (?:guess|speculate|say|answer|give (?:an|a|any) (?:answer|guess))\\b",
      "\\b(?:can't|cannot|unable to|not able to) (?:give|provide|offer) (?:you )?(?:an|any|a) (?:answer|guess)\\b",
      "\\bi(?:'d| would) (?:only|just) be guessing\\b|\\bdon't want to give you (?:a |the )?wrong\\b",
      "\\bi(?:'d| would) (?:rather|prefer) not (?:guess|risk|say|give (?:you )?(?:a |an )?(?:wrong|incorrect|inaccurate|possibly wrong|made-up))\\b",
    ].join('|'),
    'i',
  ),
  inability: new RegExp(
    [
      "\\bi (?:do not|don't|dont|really don't|honestly don't|simply don't) know\\b",
      `\\bi${CANT} (?:compute|calculate|determine|figure|work (?:it |this |that )?out|solve|do (?:it|this|that|the)|perform|add|find|answer|unscramble|tell|identify|say|give|provide|be (?:sure|certain)|verify|process|handle|know|come up|think of|name|recall|reliably|accurately|precisely|access|browse|look up|check|confirm|guarantee|list|rearrange|convert|transform|produce|complete|get|work|keep track|figure)`,
      "\\b(?:i have|i've|i got|i had) no (?:idea|clue|way)\\b|\\bno idea\\b|\\bno clue\\b|\\bidk\\b|\\bdunno\\b",
      '\\bbeyond (?:my|the) (?:abilit|capabilit|capacit|knowledge|scope)|\\bbeyond what i (?:know|can)\\b',
      '\\bnot (?:something|a task|a calculation) (?:that )?i can\\b',
      "\\bi(?:'m| am) (?:stumped|stuck|at a loss|unable)\\b",
      '\\bunable to (?:determine|compute|calculate|find|answer|solve|provide|identify|unscramble|process|figure|give|verify|do|complete|produce)\\b',
      '\\bi lack (?:the|access|real-time|sufficient)\\b',
      "\\bi (?:do not|don't) have (?:access|the ability|enough|a way|the (?:data|information|tools|means|capability)|real-time|any way)\\b",
      '\\btoo (?:large|long|big|complex|complicated|difficult|hard|limited) (?:for me|to (?:compute|calculate|add|handle|process|do|solve|work out|name|say|know))\\b',
      "\\b(?:can't|cannot) be (?:determined|computed|answered|solved|calculated)\\b",
      '\\bhard to say\\b',
      '\\bwithout (?:a|access to a|using a) (?:calculator|computer|map|database|dictionary)\\b',
      "\\bthere(?: is|'s) no (?:valid |real |english |common |single )*(?:word|answer|solution|town|city|such)\\b",
      "\\bno way (?:for me )?to (?:know|tell|determine|be sure|work)\\b",
      "\\bi(?:'m| am) (?:not (?:familiar|aware)|unfamiliar)\\b",
      "\\bi don't think i can\\b",
      '\\b(?:my )?knowledge (?:of [^.]{0,40})?is (?:too )?(?:limited|thin|insufficient)\\b',
      '\\bnot (?:possible|feasible) (?:for me )?to (?:compute|calculate|determine|answer|solve|do)\\b',
      '\\b(?:no lo s[ée]|je ne sais pas|ich wei(?:ß|ss) (?:es )?nicht|non lo so|n[ãa]o sei)',
    ].join('|'),
    'i',
  ),
  hedge: new RegExp(
    [
      "\\bi(?:'m| am) not (?:entirely |completely |totally |quite |100% |really )?(?:sure|certain|confident|positive)\\b",
      '\\bnot (?:entirely |completely |totally |quite |100% )?sure\\b',
      "\\bi (?:might|may|could) be (?:wrong|mistaken)\\b",
      "\\bdon't quote me\\b",
      '\\bif i (?:had to|have to|must) guess\\b',
      '\\b(?:just |only )?a (?:wild |rough |best )?guess\\b',
      '\\buncertain\\b',
      "\\b(?:you (?:may|might|should) want to|please|i'd recommend you|i recommend you) (?:double[- ]check|verify)\\b",
      "\\bi (?:can't|cannot) be (?:sure|certain|100% sure)\\b",
      '\\bnot (?:confident|certain)\\b',
    ].join('|'),
    'i',
  ),
  clarification: new RegExp(
    [
      '\\b(?:could|can|would) you (?:please )?(?:clarify|provide|specify|confirm|explain what|tell me (?:what|which|more)|share|send|rephrase|give me (?:more|the|a bit)|double-check|check|let me know|elaborate)\\b',
      '\\b(?:do|did) you (?:mean|want|need|intend)\\b(?! (?:me to|anything|more|any))',
      '\\bwhat (?:do|did) you mean\\b',
      '\\b(?:please|kindly) (?:clarify|specify|confirm|provide more|provide the)\\b',
      '\\bwhich (?:one|format|unit|country|version|list|numbers?|letters?|city|town|option|kind|region)\\b',
      '\\bwould you (?:like|prefer)\\b(?! (?:me to|more|any|another|other|help|a list|some|further|additional))',
      '\\bare you (?:sure|asking|looking for|referring|trying)\\b',
      '\\b(?:could|can) you be more specific\\b',
      '\\bis (?:this|that|it) (?:correct|right|what you)\\b',
      '\\bwhat (?:exactly|specifically|kind|sort|type) (?:do|are|would|should|of)\\b',
      '\\bjust to confirm\\b',
    ]
      .map((p) => `${p}(?=[^.!\\n]*\\?)`)
      .join('|'),
    'i',
  ),
  meta: new RegExp(
    [
      "\\b(?:let's|let me|let us)\\b",
      '\\bstep[- ]by[- ]step\\b',
      '\\bto (?:solve|add|compute|calculate|unscramble|find|answer|convert|transform|sort|format|do|figure out|work out|approach) (?:this|these|that|the|it|two|a)\\b',
      '\\b(?:this|that|it) (?:is|looks like|seems like) (?:a|an) (?:\\w+ )?(?:addition|anagram|problem|question|puzzle|task|exercise|word puzzle|geography question|multiple[- ]choice)\\b',
      '\\b(?:the|this|your) (?:question|task|problem|puzzle|prompt|request) (?:is asking|asks|wants|requires|involves|is about|is to)\\b',
      "\\bhere(?:'s| is) how\\b|\\bhere you go\\b|\\bhere it is\\b",
      '\\byou (?:can|could|should|need to|would need to) (?:use|add|try|solve|do|start|line|look|check|sort|convert|write|consult|rearrange|find|open)\\b',
      '\\b(?:an )?anagram (?:is|means)\\b',
      '\\bgreat question\\b',
      "\\b(?:i can|i'd be happy to|happy to|glad to|i'll) help\\b|\\bi can (?:add|do|solve|sort|convert|find|give you a hint)\\b",
      "\\bi(?:'ll| will) (?:now )?(?:convert|add|sort|format|calculate|compute|solve|unscramble|find|go through|start|work through)\\b",
      '\\bas (?:an ai|a (?:large )?language model)\\b',
      '\\b(?:a|this is a|what a|what an) (?:tough|hard|tricky|easy|good|nice|fun|interesting|great) (?:one|puzzle|question|problem|task|exercise)\\b',
      '\\bthis is a (?:\\w+ )?(?:transformation|conversion|calculation|sum)\\b',
      '\\btry (?:looking|to find|breaking|starting|grouping|sorting|rearranging)\\b|\\blook for\\b|\\bhints?\\b',
      '\\b(?:we|i) (?:need|have|will need|would need|must|should) to (?:add|find|figure|determine|look|identify|rearrange|convert|consider|think|carry|line|recall|apply)\\b',
      '\\bfirst,? (?:we|you|i|let)\\b',
      '\\b(?:carry|carries|carrying|column|digit by digit|place value)\\b',
    ].join('|'),
    'i',
  ),
  'off-topic': new RegExp(
    [
      '\\bonce upon a time\\b',
      '\\bchapter (?:\\d+|one|two|three|[ivx]+)\\b',
      '\\b(?:subscribe|click here|copyright|all rights reserved|posted by|related posts?|read more|sign up|log in|cookie policy)\\b',
      '\\b(?:lorem ipsum)\\b',
      '<(?:html|head|body|div|script|table)\\b|<!doctype',
      '^\\[\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(?::\\d\\d)?\\]',
    ].join('|'),
    'im',
  ),
};

/** The patterns as run: the same alternatives with one shared word boundary per run (regex-scan.ts). */
const PATTERNS = Object.fromEntries(
  Object.entries(PLAIN).map(([family, re]) => [family, new RegExp(shareWordBoundary(re.source), re.flags)]),
) as Record<PhraseFamily, RegExp>;

export interface PhraseHit {
  family: PhraseFamily;
  /** The words that matched, for the rationale. */
  text: string;
}

/**
 * Words every match of a family contains (lower case): when a text has none of them (in any case),
 * the family's regex is not run. A cheap necessary condition, kept next to the patterns it summarises.
 */
const CANT_WORDS = ["can't", 'cannot', 'can not', "couldn't", 'could not', 'unable', 'able to', 'capable'];
const TRIGGERS: Record<PhraseFamily, readonly string[] | null> = {
  refusal: [
    ...CANT_WORDS, "won't", 'will not', 'refuse', 'decline', "'ll pass", 'not allowed', 'not permitted', 'not comfortable',
    'not going to', 'rather not', 'prefer not', 'against', 'violat', 'breach', 'polic', 'academic', 'cheat', 'as an ai',
    'inappropriate', 'harmful', 'unethical', 'illegal', 'unfair', 'homework', 'assignment', 'exam', 'test', 'quiz', 'worksheet',
    'personal', 'private', 'sensitive', 'confidential', 'privacy',
  ],
  decline: ["won't", 'will not', 'rather not', "don't want", 'do not want', 'prefer not', ...CANT_WORDS, 'guessing', 'wrong'],
  // "know" only after a negation (besides the CANT words, "beyond", "no way" and "knowledge" below):
  // "Let me know" and "you know" are common and never inability.
  inability: [
    "don't know", 'do not know', 'dont know', ...CANT_WORDS, 'no idea', 'no clue', 'idk', 'dunno', 'beyond', 'not something', 'not a task', 'not a calculation',
    'stumped', 'stuck', 'at a loss', 'lack', "don't have", 'do not have', 'too ', 'hard to say', 'without ', "there's no",
    'there is no', 'no way', 'familiar', 'aware', "don't think", 'knowledge', 'not possible', 'not feasible', 'no lo s',
    'je ne sais', 'ich wei', 'non lo so', 'o sei',
  ],
  // "sure", "certain", "confident" and "positive" hedge only after "not " or "can't be" ("Sure!" is no hedge).
  hedge: ['not ', "can't be", 'cannot be', 'uncertain', 'wrong', 'mistaken', 'quote me', 'guess', 'double', 'verify'],
  clarification: ['?'],
  meta: null,
  'off-topic': [
    'once upon', 'chapter', 'subscribe', 'click here', 'copyright', 'all rights', 'posted by', 'related post', 'read more',
    'sign up', 'log in', 'cookie', 'lorem', '<html', '<head', '<body', '<div', '<script', '<table', '<!doctype', '[',
  ],
};

const FAMILIES = Object.keys(TRIGGERS) as PhraseFamily[];
const SPACES = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ')`. Most matched phrases already have single spaces between their words,
 * which the replace would leave as they are: only a text with another whitespace character, or two
 * in a row, is replaced.
 */
export function singleSpaced(text: string): string {
  for (let i = 0, len = text.length; i < len; i++) {
    const c = codeAt(text, i);
    if (isSpaceCode(c) && (c !== 32 || (i + 1 < len && isSpaceCode(codeAt(text, i + 1))))) return text.replace(SPACES, ' ');
  }
  return text;
}
/** All trigger lists scanned in one pass (bit i: family FAMILIES[i]); see word-scan.ts. */
const SCANNER = new WordScanner(FAMILIES.map((f) => TRIGGERS[f] ?? []));
const FAMILY_BIT = new Map(FAMILIES.map((f, i) => [f, TRIGGERS[f] === null ? -1 : 1 << i]));
const FAMILY_SLOT = new Map(FAMILIES.map((f, i) => [f, i]));
const PATTERN_AT = FAMILIES.map((f) => PATTERNS[f]);

/**
 * The phrases of one text, looked up lazily: each family's regex runs only when a rule asks for it
 * (most committed answers never need the meta or clarification patterns).
 */
export class Phrases {
  /** Per family (FAMILY_SLOT): undefined until looked up, then the hit or null. */
  private readonly found: (PhraseHit | null | undefined)[] = new Array<PhraseHit | null | undefined>(FAMILIES.length);
  private textMask = -1;
  private fullMask = -1;

  /** `text`: the prose around the answer; `full`: the whole response (for off-topic content). */
  constructor(
    private readonly text: string,
    private readonly full: string = text,
  ) {}

  /** Whether the family's trigger words occur in the text it is looked for in (-1 bit: always). */
  private triggered(family: PhraseFamily, offTopic: boolean): boolean {
    const bit = FAMILY_BIT.get(family) as number;
    if (bit === -1) return true;
    if (offTopic && this.full !== this.text) {
      if (this.fullMask === -1) this.fullMask = SCANNER.scan(this.full);
      return (this.fullMask & bit) !== 0;
    }
    if (this.textMask === -1) this.textMask = SCANNER.scan(this.text);
    return (this.textMask & bit) !== 0;
  }

  get(family: PhraseFamily): PhraseHit | undefined {
    const slot = FAMILY_SLOT.get(family) as number;
    let hit = this.found[slot];
    if (hit === undefined) {
      const offTopic = family === 'off-topic';
      if (this.triggered(family, offTopic)) {
        const m = (PATTERN_AT[slot] as RegExp).exec(offTopic ? this.full : this.text);
        hit = m === null ? null : { family, text: singleSpaced(m[0]) };
      } else hit = null;
      this.found[slot] = hit;
    }
    return hit ?? undefined;
  }

  has(family: PhraseFamily): boolean {
    return this.get(family) !== undefined;
  }

  /** Any family other than meta. */
  anyAvoidance(): boolean {
    return (['refusal', 'decline', 'inability', 'hedge', 'clarification', 'off-topic'] as const).some((f) => this.has(f));
  }
}

/** A family's own pattern, run without the trigger check (tests: triggers must never skip a match). */
export function phrasePattern(family: PhraseFamily): RegExp {
  return PATTERNS[family];
}

/** A family's pattern as written, before the word boundaries are shared (tests: both match alike). */
export function plainPhrasePattern(family: PhraseFamily): RegExp {
  return PLAIN[family];
}

export function findPhrases(text: string, full: string = text): Phrases {
  return new Phrases(text, full);
}
