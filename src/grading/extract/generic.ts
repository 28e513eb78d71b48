/**
 * Avoidance-only mode without a domain: any stated answer counts. Values are the rest of the
 * sentence after a marker ("The answer is …", "Answer: …", "maybe …") or \boxed{…}.
 */
import { CandidateList, type Candidate } from './candidate.js';
import { markerFinder } from './markers.js';
import { scanMarkup } from './markup.js';
import { type Found, readBoxed, readSpan, type Reader } from './read-spans.js';
import { splitCount } from '../text-stats.js';

const MARKERS = markerFinder(['answer', 'result', 'solution', 'output']);
const SENTENCE_END = /[.!?](?=\s|$)|\n/g;

const reader: Reader = {
  first(text, from, to, strict) {
    SENTENCE_END.lastIndex = from;
    const m = SENTENCE_END.exec(text);
    const end = m === null || m.index > to ? to : m.index;
    const raw = text.slice(from, end);
    const value = raw.replace(/^[\s"'`*:(-]+|[\s"'`*)]+$/g, '');
    if (value.length === 0 || value.length > 100 || (strict && splitCount(value) > 6)) return null;
    const start = from + raw.indexOf(value);
    return { value, start, end: start + value.length } satisfies Found;
  },
  last(text, from, to) {
    return reader.first(text, from, to, false);
  },
};

export function extractGeneric(text: string): Candidate[] {
  const markup = scanMarkup(text);
  const t = markup.clean;
  const list = new CandidateList();
  readBoxed(t, markup, reader, list);
  for (const span of MARKERS.find(t)) readSpan(t, span, reader, list);
  return list.items;
}
