import { BIN_COUNT, DOMAIN_NAMES, type DomainName } from '../../core/item.js';
import { getDomain } from '../../domains/registry.js';
import { FACET_OUTCOMES, type FacetOutcome, type TrialFilter } from '../../store/sqlite/trial-queries.js';
import type { FilterValues } from '../views/trial-list-page.js';

/** A trial list request read from the query string, or a message saying which parameter is wrong. */
export interface ListRequest {
  filter: TrialFilter;
  values: FilterValues;
  after?: number;
  before?: number;
  last: boolean;
}

const MAX_TEXT = 200;

export function parseListRequest(runId: string, query: (name: string) => string | undefined): ListRequest | string {
  const text = (name: string): string => (query(name) ?? '').trim();
  const values: FilterValues = { model: text('model'), domain: text('domain'), template: text('template'), bin: text('bin'), outcome: text('outcome'), avoidance: text('avoidance'), q: text('q') };
  for (const [name, value] of Object.entries(values)) if (value.length > MAX_TEXT) return `${name}: at most ${MAX_TEXT} characters`;
  const filter: TrialFilter = { runId };
  if (values.model) filter.modelKey = values.model;
  if (values.domain) filter.domain = values.domain;
  if (values.template) {
    filter.templateId = values.template;
    // A template belongs to one domain: narrowing to it keeps the walk to that domain's cells.
    if (!values.domain) {
      const domain = domainOfTemplate(values.template);
      if (domain !== undefined) filter.domain = domain;
    }
  }
  if (values.bin) {
    const bin = Number(values.bin);
    if (!Number.isInteger(bin) || bin < -1 || bin >= BIN_COUNT) return `bin: a whole number from 0 to ${BIN_COUNT - 1}`;
    filter.bin = bin;
  }
  if (values.outcome) {
    if (!(FACET_OUTCOMES as readonly string[]).includes(values.outcome)) return `outcome: one of ${FACET_OUTCOMES.join(', ')}`;
    filter.outcome = values.outcome as FacetOutcome;
  }
  if (values.avoidance) filter.avoidance = values.avoidance;
  const cursor = (name: string): number | undefined | string => {
    const raw = query(name);
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= 0 ? n : `${name}: a trial number`;
  };
  const after = cursor('after');
  const before = cursor('before');
  if (typeof after === 'string') return after;
  if (typeof before === 'string') return before;
  return { filter, values, ...(after === undefined ? {} : { after }), ...(before === undefined ? {} : { before }), last: query('last') === '1' };
}

function domainOfTemplate(templateId: string): DomainName | undefined {
  return DOMAIN_NAMES.find((d) => getDomain(d).templates.some((t) => t.id === templateId));
}
