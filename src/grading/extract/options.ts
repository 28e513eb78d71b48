/**
 * Science: one of four options, as a letter or as the option's text. Read after markers ("The
 * answer is B", "Answer: (B)", "I'd go with B", "B is correct"), from bold or code ("**B.
 * photosynthesis**"), from a line that is only an option ("B) photosynthesis", "(B)", the option
 * text alone), and in passing ("(B)", "option B", or an option's text). A letter followed by an
 * option's text becomes "B. <text>" so the domain check can catch a letter that contradicts its
 * text. Several lines each starting with an option label are an analysis of the options, not an
 * answer: they count only in passing.
 */
import type { Item } from '../../core/item.js';
import { CandidateList, type Candidate, LOOSE, STATED } from './candidate.js';
import { markerFinder } from './markers.js';
import { perItem } from './per-item.js';
import { scanMarkup } from './markup.js';
import { bareHow, type Found, linesOf, readBareLine, readBoxed, readEmphasis, readRange, readSpan, type Reader } from './read-spans.js';
import { matchesOf } from '../regex-scan.js';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const LETTER_AT = /^\(?([A-HJ])\)?(?![\p{L}\p{N}'’])|^\(([a-d])\)|^([a-d])(?=[).:](?:\s|$))|^([a-d])(?=\s*$)/u;
const LETTER_ANY =
  /\(([A-Da-d])\)|\b(?:[Oo]ption|[Cc]hoice|[Ll]etter|[Aa]nswer)\s+\(?([A-D])\b\)?|(?<![\p{L}\p{N}'’])([A-D])(?=[.):](?:\s|$))|(?<![\p{L}\p{N}'’(])([B-D])(?![\p{L}\p{N}'’])|(?<![\p{L}\p{N}'’(])(A)(?=\s*(?:[.,;:!?)]|$))/gu;
/** "A" followed by a lower-case word is the article ("A plant needs …"), unless the word is a link word. */
const ARTICLE_A = /^A\s+(?!(?:because|is|as|since|for|and|or|which|it|this|that|with|was|would|seems|since|here)\b)[a-z]/;

function letterOf(m: RegExpExecArray): string {
  return (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) as string;
}
const LOOSE_LETTER = /\(([A-D])\)|\b(?:[Oo]ption|[Cc]hoice|[Ll]etter)\s+\(?([A-D])\b/gu;
const FILLER = /^(?:[\s:=*"'`(\-–—]|the|a|an|correct|right|best|answer|option|choice|letter|is|it's|it|that|which|one|be|would|probably|likely|definitely|clearly|most|number|with|go|i'd|i|will|pick|choose|select|say)*$/i;
const MARKERS = markerFinder(['answer', 'option', 'choice', 'letter', 'correct one', 'right one', 'pick', 'selection', 'response']);
const OPTION_LABEL = /^[ \t]*\(?[A-H][.):][ \t]/;
/** Answers that name no single option: a committed answer all the same (graded incorrect). */
const NONE_ALL = /^(?:none|all|neither|both) of (?:the )?(?:above|options|choices|answers|these|them)\b/i;
const NONE_ALL_ANY = new RegExp(NONE_ALL.source.slice(1), 'i');
/** "both B and D", "either A or C", "options A and B": several options offered together. */
const SEVERAL = /\b(?:both|either)\s+(?:options?\s+|choices?\s+)?(?=\(?[A-D]\b)|\b(?:options|choices)\s+(?=\(?[A-D]\b)/gi;

export interface ScienceContext {
  options: string[];
  folded: string[];
}

const contextOf = perItem((item): { ctx: ScienceContext; reader: Reader } => {
  const ctx = buildContext(item);
  return { ctx, reader: optionReader(ctx) };
});

export function buildContext(item: Item | undefined): ScienceContext {
  const options = (item?.gold as { options?: string[] } | undefined)?.options ?? [];
  return { options, folded: options.map((o) => o.replace(/\s+/g, ' ').trim().toLowerCase()) };
}

/** The canonical key of an answer: its letter when it names an option, else its folded text. */
export function optionKey(value: string, ctx: ScienceContext): string {
  const m = /^\(?([A-Da-d])\)?(?:[.):]|$)/.exec(value.trim());
  if (m) return (m[1] as string).toUpperCase();
  const i = ctx.folded.indexOf(value.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\.$/, ''));
  return i >= 0 ? (LETTERS[i] as string) : value.trim().toLowerCase();
}

/** The longest option text that `lower` starts with (at a word boundary), as [index, length]. */
function optionAt(lower: string, ctx: ScienceContext): [number, number] | null {
  let best: [number, number] | null = null;
  ctx.folded.forEach((o, i) => {
    if (o.length === 0 || !lower.startsWith(o)) return;
    if (/[\p{L}\p{N}]/u.test(lower[o.length] ?? '')) return;
    if (best === null || o.length > best[1]) best = [i, o.length];
  });
  return best;
}

function optionReader(ctx: ScienceContext): Reader {
  /** A value right at `at`: a letter (with its option text when that follows) or an option's text. */
  const at = (text: string, pos: number, to: number): Found | null => {
    const rest = text.slice(pos, to);
    const m = LETTER_AT.exec(rest);
    if (m && !ARTICLE_A.test(rest)) {
      const letter = ((m[1] ?? m[2] ?? m[3] ?? m[4]) as string).toUpperCase();
      const after = rest.slice(m[0].length).replace(/^[.):\s]+/, '');
      const skipped = rest.length - m[0].length - after.length;
      const o = optionAt(after.toLowerCase(), ctx);
      if (o !== null) {
        const end = pos + m[0].length + skipped + o[1];
        return { value: `${letter}. ${ctx.options[o[0]] as string}`, start: pos, end };
      }
      return { value: letter, start: pos, end: pos + m[0].length };
    }
    const o = optionAt(rest.toLowerCase(), ctx);
    if (o !== null) return { value: ctx.options[o[0]] as string, start: pos, end: pos + o[1] };
    const none = NONE_ALL.exec(rest);
    return none === null ? null : { value: none[0].toLowerCase(), start: pos, end: pos + none[0].length };
  };
  const words = /[^\s]+/g;
  return {
    first(text, from, to, strict) {
      words.lastIndex = from;
      for (let m = words.exec(text); m !== null && m.index < to; m = words.exec(text)) {
        const f = at(text, m.index, to) ?? (m[0].startsWith('(') || m[0].startsWith('"') ? at(text, m.index + 1, to) : null);
        if (f !== null) return f;
        if (!FILLER.test(text.slice(from, m.index + m[0].length))) break;
      }
      if (strict) return null;
      LETTER_ANY.lastIndex = from;
      const l = LETTER_ANY.exec(text);
      const mention = mentions(text, from, to, ctx)[0];
      if (l !== null && l.index < to && (mention === undefined || l.index <= mention.start)) {
        const letter = letterOf(l);
        const pos = l.index + l[0].lastIndexOf(letter);
        return at(text, pos, to) ?? { value: letter.toUpperCase(), start: l.index, end: l.index + l[0].length };
      }
      return mention ?? null;
    },
    last(text, from, to) {
      let best: Found | null = null;
      LETTER_ANY.lastIndex = from;
      for (let l = LETTER_ANY.exec(text); l !== null && l.index < to; l = LETTER_ANY.exec(text)) {
        best = { value: letterOf(l).toUpperCase(), start: l.index, end: l.index + l[0].length };
      }
      const m = mentions(text, from, to, ctx);
      const lastMention = m[m.length - 1];
      if (lastMention !== undefined && (best === null || lastMention.start > best.start)) best = lastMention;
      const none = NONE_ALL_ANY.exec(text.slice(from, to));
      if (none !== null && (best === null || from + none.index > best.start)) best = { value: none[0].toLowerCase(), start: from + none.index, end: from + none.index + none[0].length };
      return best;
    },
  };
}

/** Every option text mentioned in [from, to), in order (options of 3+ characters, word bounded). */
function mentions(text: string, from: number, to: number, ctx: ScienceContext): Found[] {
  const lower = text.slice(from, to).toLowerCase();
  const out: Found[] = [];
  ctx.folded.forEach((o, i) => {
    if (o.length < 3) return;
    for (let k = lower.indexOf(o); k >= 0; k = lower.indexOf(o, k + 1)) {
      const before = lower[k - 1] ?? ' ';
      const after = lower[k + o.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      out.push({ value: ctx.options[i] as string, start: from + k, end: from + k + o.length });
    }
  });
  // A shorter option inside a longer mentioned one ("water" in "salt water") is not a mention.
  const kept = out.filter((a) => !out.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  return kept.sort((a, b) => a.start - b.start);
}

export function extractOptions(text: string, item: Item | undefined, completion: boolean): Candidate[] {
  const { ctx, reader } = contextOf(item);
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  readEmphasis(t, markup, reader, list, (v) => optionKey(v, ctx), false);
  for (const m of matchesOf(SEVERAL, t)) {
    const end = t.indexOf('\n', m.index);
    readRange(t, m.index + m[0].length, end < 0 ? t.length : end, false, true, STATED, 'choice', false, reader, list);
  }
  const lines = linesOf(t);
  const labelled = lines.filter((l) => OPTION_LABEL.test(t.slice(l.start, l.end))).length;
  lines.forEach((line, i) => {
    if (completion && i === 0 && labelled < 2) readRange(t, line.start, line.end, false, true, STATED, 'after-cue', false, reader, list);
    const bare = readBareLine(t, { ...line, body: line.start }, reader, true);
    if (bare === null) return;
    const isLabel = OPTION_LABEL.test(t.slice(line.start, line.end));
    const group = list.newGroup();
    for (const f of bare) list.add(f.value, isLabel && labelled > 1 ? LOOSE : STATED, f.start, bareHow(t, line, f.start, lines.length), false, group);
  });
  LOOSE_LETTER.lastIndex = 0;
  for (let m = LOOSE_LETTER.exec(t); m !== null; m = LOOSE_LETTER.exec(t)) list.add((m[1] ?? m[2]) as string, LOOSE, m.index, 'in-passing');
  for (const f of mentions(t, 0, t.length, ctx)) list.add(f.value, LOOSE, f.start, 'in-passing');
  return list.items;
}

export function scienceContext(item: Item | undefined): ScienceContext {
  return contextOf(item).ctx;
}
