/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { DomainBins, ModelSummary } from '../../store/sqlite/run-overview.js';
import type { RunModelRecord, RunRecord } from '../../store/sqlite/runs-repo.js';
import { BinChart, ChartLegend, trialsHref } from './bin-chart.js';
import { Page } from './layout.js';
import { OutcomeBar } from './runs-page.js';

export interface RunPageProps {
  csrf: string | undefined;
  run: RunRecord;
  runModels: RunModelRecord[];
  summaries: ModelSummary[];
  groups: DomainBins[];
}

/** One run: its models at a glance, then a difficulty chart per model × domain. */
export function RunPage(props: RunPageProps) {
  const { run } = props;
  const models = [...new Set(props.groups.map((g) => g.modelKey))];
  const domains = [...new Set(props.groups.map((g) => g.domain))].sort();
  return (
    <Page title={`${run.id} · reliabench`} admin={{ csrf: props.csrf }} scripts={['viewer.js']}>
      <h1>Run {run.id}</h1>
      <dl class="facts">
        <dt>status</dt><dd>{run.status}{run.statusReason ? ` (${run.statusReason})` : ''}</dd>
        <dt>started</dt><dd>{run.createdAt}</dd>
        <dt>trials</dt><dd><a href={trialsHref(run.id, {})}>browse and search all trials</a></dd>
      </dl>
      <h2>Models</h2>
      <div class="table-wrap">
        <table>
          <thead><tr><th>model</th><th>spec</th><th>mode</th><th class="num">trials</th><th>outcomes (correct · avoidant · incorrect)</th></tr></thead>
          <tbody>
            {props.summaries.map((s) => {
              const m = props.runModels.find((x) => x.modelKey === s.modelKey);
              return (
                <tr>
                  <td><a href={trialsHref(run.id, { model: s.modelKey })}>{s.modelKey}</a></td>
                  <td><code>{m?.spec ?? ''}</code></td>
                  <td>{m?.mode ?? ''}</td>
                  <td class="num">{s.total}</td>
                  <td><OutcomeBar counts={s} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>Difficulty charts</h2>
      <p class="muted">Shares of correct, avoidant and incorrect answers per difficulty bin (0 = easiest, 100 = hardest). Click a bar to see its trials.</p>
      <form class="filters" aria-label="show charts for">
        <label>model<select id="chart-model"><option value="">all</option>{models.map((m) => <option value={m}>{m}</option>)}</select></label>
        <label>domain<select id="chart-domain"><option value="">all</option>{domains.map((d) => <option value={d}>{d}</option>)}</select></label>
        <ChartLegend />
      </form>
      <div class="grid">
        {props.groups.map((g) => (
          <section class="card" data-model={g.modelKey} data-domain={g.domain} aria-label={`${g.modelKey} · ${g.domain}`}>
            <h3>{g.modelKey} · {g.domain} <span class="muted">({g.total} trials)</span></h3>
            <BinChart runId={run.id} group={g} />
          </section>
        ))}
      </div>
    </Page>
  );
}
