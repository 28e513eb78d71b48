/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { BIN_COUNT } from '../../core/item.js';
import type { FilterChoices } from '../../store/sqlite/run-overview.js';
import type { SearchPage, TrialListRow, TrialPage } from '../../store/sqlite/trial-pages.js';
import { FACET_OUTCOMES } from '../../store/sqlite/trial-queries.js';
import { trialsHref } from './bin-chart.js';
import { OutcomeBadge, Page } from './layout.js';

/** The filter as it came in the query string (strings; '' = any). */
export interface FilterValues {
  model: string;
  domain: string;
  template: string;
  bin: string;
  outcome: string;
  avoidance: string;
  q: string;
}

export interface TrialListProps {
  csrf: string | undefined;
  runId: string;
  values: FilterValues;
  choices: FilterChoices;
  page?: TrialPage;
  search?: SearchPage;
}

export function trialHref(runId: string, r: { modelKey: string; itemId: string; templateId: string; sample: number }): string {
  const q = new URLSearchParams({ model: r.modelKey, item: r.itemId, template: r.templateId, sample: String(r.sample) });
  return `/runs/${encodeURIComponent(runId)}/trial?${q.toString()}`;
}

export function TrialListPage(props: TrialListProps) {
  const { values, runId } = props;
  const rows = props.page?.rows ?? props.search?.rows ?? [];
  return (
    <Page title={`Trials of ${runId} · reliabench`} admin={{ csrf: props.csrf }} scripts={['viewer.js']}>
      <h1>Trials of <a href={`/runs/${encodeURIComponent(runId)}`}>{runId}</a></h1>
      <FilterForm {...props} />
      {props.page ? <p aria-live="polite"><strong>{props.page.total.toLocaleString('en-US')}</strong> matching trials</p> : null}
      {props.search ? (
        <p aria-live="polite">{rows.length} matches for <q>{values.q}</q> in the {props.search.scanned.toLocaleString('en-US')} trials searched by this page
          {props.search.next === null ? ' (search complete)' : ''}.</p>
      ) : null}
      <TrialTable runId={runId} rows={rows} />
      <Pager {...props} />
    </Page>
  );
}

function Select(props: { name: string; label: string; value: string; options: readonly (string | [string, string])[] }) {
  return (
    <label>{props.label}
      <select name={props.name} data-autosubmit>
        <option value="">any</option>
        {props.options.map((o) => {
          const [value, text] = typeof o === 'string' ? [o, o] : o;
          return <option value={value} selected={value === props.value}>{text}</option>;
        })}
      </select>
    </label>
  );
}

function FilterForm(props: TrialListProps) {
  const v = props.values;
  const c = props.choices;
  const bins = Array.from({ length: BIN_COUNT }, (_, b) => [String(b), `${b} (${((100 * b) / BIN_COUNT).toFixed(0)}–${((100 * (b + 1)) / BIN_COUNT).toFixed(0)})`] as [string, string]);
  return (
    <form class="filters" method="get" action={`/runs/${encodeURIComponent(props.runId)}/trials`} role="search" aria-label="filter trials">
      <Select name="model" label="model" value={v.model} options={c.models} />
      <Select name="domain" label="domain" value={v.domain} options={c.domains} />
      <Select name="template" label="template" value={v.template} options={c.templates} />
      <Select name="bin" label="difficulty bin" value={v.bin} options={bins} />
      <Select name="outcome" label="outcome" value={v.outcome} options={FACET_OUTCOMES} />
      <Select name="avoidance" label="avoidance sub-type" value={v.avoidance} options={c.avoidance} />
      <label>text in prompt, answer or item id<input type="search" name="q" value={v.q} maxlength={200} /></label>
      <button type="submit">Apply</button>
      <a href={`/runs/${encodeURIComponent(props.runId)}/trials`}>clear</a>
    </form>
  );
}

function TrialTable(props: { runId: string; rows: TrialListRow[] }) {
  if (props.rows.length === 0) return <p>No trials here.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead><tr><th class="num">#</th><th>model</th><th>domain</th><th class="num">bin</th><th>template</th><th>grade</th><th>extracted</th><th>answer (start)</th></tr></thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td class="num"><a href={trialHref(props.runId, r)}>{r.id}</a></td>
              <td>{r.modelKey}</td>
              <td>{r.domain}</td>
              <td class="num">{r.bin}</td>
              <td>{r.templateId}{r.sample > 0 ? ` #${r.sample}` : ''}</td>
              <td><OutcomeBadge outcome={r.outcome} avoidance={r.avoidance} /></td>
              <td class="snippet">{r.extracted ?? ''}</td>
              <td class="snippet">{r.snippet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager(props: TrialListProps) {
  const base: Record<string, string> = { ...props.values };
  const link = (extra: Record<string, string | number>, text: string) => <a href={trialsHref(props.runId, { ...base, ...extra })}>{text}</a>;
  if (props.search) {
    return (
      <nav class="pager" aria-label="search pages">
        {link({}, 'first results')}
        {props.search.next === null ? <span class="disabled">end of the trials</span> : link({ after: props.search.next }, 'continue searching')}
      </nav>
    );
  }
  const page = props.page;
  if (!page) return null;
  return (
    <nav class="pager" aria-label="pages">
      {page.prev === null ? <span class="disabled">first</span> : link({}, 'first')}
      {page.prev === null ? <span class="disabled">previous</span> : link({ before: page.prev }, 'previous')}
      {page.next === null ? <span class="disabled">next</span> : link({ after: page.next }, 'next')}
      {page.next === null ? <span class="disabled">last</span> : link({ last: 1 }, 'last')}
    </nav>
  );
}
