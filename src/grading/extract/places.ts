/**
 * Locality: the name of a town. Read after markers ("One town within 10 km is Villeurbanne",
 * "Answer: Villeurbanne", "such as Bron"), from "X is a town …", bold or quoted names, list items
 * (a list offers all its items), lines that are only a name ("Villeurbanne, France"), and in passing
 * (the first capitalised place name). A name is a run of capitalised words joined by spaces, hyphens
 * or the particles of place names (de, la, sur, am, upon …). Never an answer: the anchor city, a
 * country name, and capitalised words that are not places ("However", "North", "Sure" …). A country
 * written right after the name (", France" or "(France)") is kept: the domain check uses it.
 */
import type { Item } from '../../core/item.js';
import { countriesNamedBy } from '../../domains/locality/country-qualifier.js';
import { nameKey } from './name-key.js';
import { CandidateList, type Candidate, LOOSE, STATED } from './candidate.js';
import { perItem } from './per-item.js';
import { scanMarkup } from './markup.js';
import { isKnownPlace } from './known-places.js';
import { markerFinder, sentenceStart } from './markers.js';
import { bareHow, type Found, type Line, linesOf, readBareLine, readBoxed, readEmphasis, readRange, readSpan, type Reader } from './read-spans.js';
import { NOT_ALONE, NOT_PLACES, PLACE_FILLERS } from './place-words.js';
import { matchesOf } from '../regex-scan.js';
import { codeAt, isSpaceCode, splitCount } from '../text-stats.js';

/** A capitalised word; a full stop belongs to it only in St. Ste. Mt. Ft. (else it ends a sentence). */
const TOKEN = "(?:(?:St|Ste|Mt|Ft)\\.|\\p{Lu}\\.(?= \\p{Lu})|[\\p{Lu}][\\p{L}\\p{M}]*(?:[-'’.][\\p{L}\\p{M}]+)*)";
const PARTICLE =
  '(?:de|du|des|la|le|les|sur|sous|am|an|der|den|dem|ob|bei|vor|del|della|dei|di|da|do|dos|das|van|von|upon|aan|op|ter|ten|en|al|el|ash|as|ad|ar|at|az|ath|adh|bin|ibn|abu|umm|wa)';
/** A capitalised phrase: tokens joined by spaces and particles, not inside a word. */
const PLAIN_PHRASE = `(?<![\\p{L}\\p{M}'’-])'?${TOKEN}(?: (?:${PARTICLE} (?:${PARTICLE} )?)?${TOKEN})*`;
/**
 * What a phrase starts with: "'", A–Z or a non-ASCII character. Tested first, it spares the Unicode
 * look-behind at every other position of the text, which was half the time of the scan.
 */
const PHRASE_START = "(?=[^\\x00-&(-@\\[-\\x7f])";
/** PLAIN_PHRASE as run (exported for the fast-path tests, with the plain form). */
export const PHRASE = new RegExp(`${PHRASE_START}${PLAIN_PHRASE}`, 'gu');
export const plainPhrase = (): RegExp => new RegExp(PLAIN_PHRASE, 'gu');
const QUALIFIER = new RegExp(`^\\s*(?:,\\s*|\\(\\s*)(${TOKEN}(?: ${TOKEN}){0,3})\\s*\\)?`, 'u');
const ARTICLES = new Set(['The', 'La', 'Le', 'Les', 'L', 'El', 'Al', 'Los', 'Las', 'Il', 'Lo', 'De', 'Den', 'Het']);
const LOWER_VALUE = /^[\s"'`*(]*([\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3})\s*(?=$|[,.;:!?()\n]| [-–—] | is\b| which\b)/u;
const MARKERS = markerFinder([
  'answer', 'town', 'city', 'place', 'suggestion', 'option', 'choice', 'recommendation', 'pick', 'village', 'municipality',
  'suburb', 'candidate', 'one', 'example', 'destination', 'neighbou?ring town', 'nearby town',
]);
const NAMED = /\b(?:called|named|such as|like|including|e\.g\.,?|for example,?|for instance,?|namely|visit|visiting)\s+/g;
const IS_A_TOWN = /\b(?:is|would be|lies|sits)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:town|city|village|suburb|municipality|commune|place|option|choice|settlement)\b/gu;
/**
 * The words IS_A_TOWN ends with (it is case-sensitive): without one of them it cannot match. A
 * plain regex finds them faster than the Unicode one runs.
 */
const TOWN_WORD = /town|city|village|suburb|municipality|commune|place|option|choice|settlement/;

function mayBeATown(text: string): boolean {
  return TOWN_WORD.test(text);
}
const AFTER_BARE = /^[\s.!,;:*)"'`]*(?:[(\[–—-].*)?$/;
const FILLER_WORD = /[\p{L}']+/gu;

/** Whether text[from, to) holds only filler words ("the town of", "I'd suggest visiting"). */
function onlyFillers(text: string, from: number, to: number): boolean {
  // Mostly a few spaces or marks ("**", ": "): no word at all when there is no letter or "'".
  let plain = true;
  for (let i = from; i < to && plain; i++) {
    const c = codeAt(text, i);
    plain = c < 128 && c !== 39 && !((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  }
  if (plain) return true;
  FILLER_WORD.lastIndex = from;
  for (let m = FILLER_WORD.exec(text); m !== null && m.index < to; m = FILLER_WORD.exec(text)) {
    if (!PLACE_FILLERS.has(text.slice(m.index, Math.min(to, m.index + m[0].length)).toLowerCase())) return false;
  }
  return true;
}

/** "X meets these criteria", "X would work": X is offered. */
const FITS = /\b(?:(?:meets|satisfies|fits|matches|fulfils|fulfills)\s+(?:these|the|those|all|your|that)|(?:would|should|could|might)\s+(?:work|fit|do)|qualifies)\b/g;
const WHOLE_LINE = /^[\s"'`*]*(?:(?:sure|ok(?:ay)?|of course|certainly|yes)\b[!,.:\s]*)?(\p{Lu}[\p{L}\p{M}'’.-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,4})[\s.!*"'`]*(?:[(\[–—-].*)?$/u;

/** A short capitalised line taken whole ("Madinat ash Shamal"): the check reads its qualifiers. */
function wholeLine(text: string, line: Line): Found[] | null {
  const m = WHOLE_LINE.exec(text.slice(line.body, line.end));
  if (m === null) return null;
  const value = (m[1] as string).trim();
  const start = line.body + m[0].indexOf(value);
  const firstWord = value.split(' ')[0] as string;
  if (NOT_PLACES.has(firstWord) || NOT_ALONE.has(value) || SENTENCE_VERB.test(value)) return null;
  return [{ value, start, end: start + value.length }];
}

const AFTER_CUE_END = /^\s*(?:[,.;!?()\-–—]|$|(?:is|lies|sits|would|should|could|might|seems|fits|works|qualifies|meets)\b)/;
const UPPER_START = /^\p{Lu}/u;
const SENTENCE_VERB = /\b(?:is|are|was|were|has|have|lies|sits|located|situated|would|could|should|can|will|about)\b/i;

export function placeKey(value: string): string {
  return nameKey(value.replace(/\s*[,(].*$/, ''));
}

interface PlaceContext {
  anchorKeys: Set<string>;
}

function buildContext(item: Item | undefined): PlaceContext {
  const anchor = (item?.gold as { anchor?: { name?: string; asciiName?: string } } | undefined)?.anchor;
  const names = [item?.input['city'], anchor?.name, anchor?.asciiName].filter((n): n is string => typeof n === 'string');
  return { anchorKeys: new Set(names.map(nameKey)) };
}

/** The place name a capitalised phrase stands for, without leading non-place words; null if none. */
function trimPhrase(phrase: string): { name: string; alt?: string[]; offset: number } | null {
  if (!phrase.includes(' ')) {
    const bare = phrase.endsWith('.') && !/^(?:St|Ste|Mt|Ft)\.$/.test(phrase) ? phrase.slice(0, -1) : phrase;
    return NOT_PLACES.has(bare) || NOT_ALONE.has(bare) ? null : { name: bare, offset: 0 };
  }
  const words = phrase.split(' ');
  let i = 0;
  let alt: string[] | undefined;
  // "The Hague", "Le Havre": an article may belong to the name; keep both readings.
  if (ARTICLES.has(words[0] as string) && !NOT_PLACES.has(words[1] as string)) alt = [words.slice(1).join(' ')];
  else while (i < words.length && NOT_PLACES.has((words[i] as string).replace(/\.$/, ''))) i++;
  if (i >= words.length || words.slice(i).every((w) => NOT_ALONE.has(w.replace(/\.$/, '')) || NOT_PLACES.has(w))) return null;
  const rest = words.slice(i).join(' ');
  const name = rest.endsWith('.') && !/\b(?:St|Ste|Mt|Ft)\.$/.test(rest) ? rest.slice(0, -1) : rest;
  const offset = i === 0 ? 0 : words.slice(0, i).join(' ').length + 1;
  return alt === undefined ? { name, offset } : { name, alt, offset };
}

interface PhraseInfo {
  name: string;
  alt: string[] | undefined;
  offset: number;
  key: string;
}

const phraseMemo = new Map<string, PhraseInfo | null>();

/**
 * What a capitalised phrase (as PHRASE matched it) stands for: its trimmed place name, other
 * reading, offset and name key; null when it is no place (no name left, a key under 2 characters, a
 * country). Kept per phrase text: the same phrases ("Sure", "The", town names) recur in every response.
 */
function phraseInfo(raw: string): PhraseInfo | null {
  let info = phraseMemo.get(raw);
  if (info === undefined) {
    if (phraseMemo.size > 20_000) phraseMemo.clear();
    info = null;
    const p = trimPhrase(raw);
    if (p !== null) {
      const key = nameKey(p.name);
      if (key.length >= 2 && !isCountry(p.name)) info = { name: p.name, alt: p.alt, offset: p.offset, key };
    }
    phraseMemo.set(raw, info);
  }
  return info;
}

const countryMemo = new Map<string, boolean>();

function isCountry(name: string): boolean {
  let yes = countryMemo.get(name);
  if (yes === undefined) {
    if (countryMemo.size > 20_000) countryMemo.clear();
    yes = countriesNamedBy(name) !== undefined;
    countryMemo.set(name, yes);
  }
  return yes;
}

interface Phrase extends Found {
  anchor: boolean;
}

type PlaceReader = Reader & { all(text: string, from: number, to: number): Found[] };

function placeReader(ctx: PlaceContext): PlaceReader {
  let scanned = '';
  let list: Phrase[] = [];
  /** Every place-like phrase of the text (the anchor flagged), scanned once per text. */
  const phrasesOf = (text: string): Phrase[] => {
    if (text === scanned) return list;
    scanned = text;
    list = [];
    PHRASE.lastIndex = 0;
    for (let m = PHRASE.exec(text); m !== null; m = PHRASE.exec(text)) {
      const p = phraseInfo(m[0]);
      if (p === null) continue;
      const start = m.index + p.offset;
      list.push({ value: p.name, start, end: start + p.name.length, anchor: ctx.anchorKeys.has(p.key), alt: p.alt });
    }
    PHRASE.lastIndex = 0;
    return list;
  };
  const inRange = (text: string, from: number, to: number, anchorOk: boolean): Phrase[] => {
    const out: Phrase[] = [];
    for (const p of phrasesOf(text)) if (p.start >= from && p.end <= to && (anchorOk || !p.anchor)) out.push(p);
    return out;
  };
  const withQualifier = (text: string, f: Found, to: number): Found => {
    // A qualifier starts with "," or "(" after optional spaces; most names have neither after them.
    let at = f.end;
    while (at < to && isSpaceCode(codeAt(text, at))) at++;
    const next = at < to ? codeAt(text, at) : -1;
    if (next !== 44 && next !== 40) return f;
    const q = QUALIFIER.exec(text.slice(f.end, to));
    if (q === null || !isCountry(q[1] as string)) return f;
    return { value: `${f.value}, ${q[1] as string}`, start: f.start, end: f.end + q[0].length };
  };
  return {
    first(text, from, to, strict, promptValue = false) {
      let firstFound: Phrase | undefined;
      let firstOther: Phrase | undefined;
      for (const ph of phrasesOf(text)) {
        if (ph.end > to) break;
        if (ph.start < from) continue;
        firstFound ??= ph;
        if (!ph.anchor) {
          firstOther = ph;
          break;
        }
      }
      // The anchor is an answer (a wrong one) only right after an answer marker ("Answer: Lyon").
      const anchorFirst = firstFound !== undefined && firstFound.anchor && promptValue && onlyFillers(text, from, firstFound.start);
      const p = anchorFirst ? firstFound : firstOther;
      if (p !== undefined && (!strict || onlyFillers(text, from, p.start))) return withQualifier(text, p, to);
      if (strict) return null;
      const span = text.slice(from, to);
      const low = LOWER_VALUE.exec(span);
      if (low === null || !/^[\s"'`*(]*\p{Ll}/u.test(span) || splitCount(span.trim()) > 4) return null;
      const words = (low[1] as string).trim().split(' ');
      let k = 0;
      while (k < words.length && PLACE_FILLERS.has((words[k] as string).toLowerCase())) k++;
      const name = words.slice(k).join(' ');
      if (name === '' || nameKey(name).length < 2 || isCountry(name)) return null;
      const start = from + low[0].indexOf(name);
      return { value: name, start, end: start + name.length };
    },
    last(text, from, to) {
      let found: Phrase | null = null;
      for (const ph of phrasesOf(text)) {
        if (ph.end > to) break;
        if (ph.start >= from && !ph.anchor) found = ph;
      }
      return found;
    },
    all: (text, from, to) => inRange(text, from, to, false),
  };
}

const contextOf = perItem((item): PlaceReader => placeReader(buildContext(item)));

export function extractPlaces(text: string, item: Item | undefined, completion: boolean): Candidate[] {
  const reader = contextOf(item);
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  for (const m of matchesOf(NAMED, t)) {
    const end = t.indexOf('\n', m.index);
    readRange(t, m.index + m[0].length, end < 0 ? t.length : end, false, true, STATED, 'named', false, reader, list);
  }
  for (const m of mayBeATown(t) ? matchesOf(IS_A_TOWN, t) : []) {
    let start = m.index;
    while (start > 0 && !/[\n.!?]/.test(t[start - 1] as string)) start--;
    const f = reader.last(t, start, m.index);
    if (f !== null && /^[\s,)]*$/.test(t.slice(f.end, m.index).replace(/\([^)]*\)/g, ''))) list.add(f.value, STATED, f.start, 'is-a-town', false, list.newGroup(), f.alt);
  }
  readEmphasis(t, markup, reader, list, placeKey, true, true);
  const lines = linesOf(t);
  let group = -1;
  let previous: 'list' | 'bare' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (completion && i === 0) {
      // The place right after the cue, when it stands as the answer ("Bab Ezzouar is one such town."),
      // not as the first word of other text ("Maximum population: 50,000").
      const f = reader.first(t, line.body, line.end, true);
      if (f !== null && AFTER_CUE_END.test(t.slice(f.end, line.end))) list.add(f.value, STATED, f.start, 'after-cue', false, list.newGroup(), f.alt);
    }
    const body = t.slice(line.body, line.end);
    let found: Found[] | null = null;
    let kind: 'list' | 'bare' | null = null;
    if (line.bullet) {
      const f = reader.first(t, line.body, line.end, false);
      if (f !== null) [found, kind] = [[f], 'list'];
    } else if (splitCount(body) <= 8) {
      found = readBareLine(t, line, reader, true, AFTER_BARE) ?? readBareLine(t, line, reader, false, AFTER_BARE) ?? wholeLine(t, line);
      if (found !== null && !SENTENCE_VERB.test(t.slice(line.body, (found[0] as Found).start))) kind = 'bare';
    }
    if (found !== null && kind !== null) {
      if (kind !== previous || kind === 'bare') group = list.newGroup();
      for (const f of found) list.add(f.value, STATED, f.start, kind === 'list' ? 'list' : bareHow(t, line, f.start, lines.length), false, group, f.alt);
    }
    previous = kind;
  }
  for (const m of matchesOf(FITS, t)) readRange(t, sentenceStart(t, m.index), m.index, true, false, STATED, 'fits', false, reader, list);
  for (const f of reader.all(t, 0, t.length)) list.add(f.value, LOOSE, f.start, 'in-passing', false, list.newGroup(), f.alt);
  // In passing and in emphasis, prose has words that are no place: keep capitalised GeoNames names.
  const out: Candidate[] = [];
  for (const c of list.items) if ((c.how !== 'in-passing' && c.how !== 'emphasis') || (UPPER_START.test(c.value) && isKnownPlace(c.value))) out.push(c);
  return out;
}
