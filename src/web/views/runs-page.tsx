/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ModelSummary, OutcomeCounts } from '../../store/sqlite/run-overview.js';
import type { RunRecord } from '../../store/sqlite/runs-repo.js';
import { Page } from './layout.js';

/** Home: every run with its models' outcome counts at a glance. */
export function RunsPage(props: { csrf: string | undefined; runs: RunRecord[]; models: ModelSummary[] }) {
  return (
    <Page title="Runs · reliabench" admin={{ csrf: props.csrf }}>
      <h1>Runs</h1>
      {props.runs.length === 0 ? <p>No runs in this workspace yet: start one with <code>reliabench run --model SPEC</code>.</p> : null}
      <div class="table-wrap">
        <table>
          <thead><tr><th>run</th><th>status</th><th>started</th><th>model</th><th class="num">trials</th><th>outcomes (correct · avoidant · incorrect)</th></tr></thead>
          <tbody>
            {props.runs.flatMap((run) => {
              const models = props.models.filter((m) => m.runId === run.id);
              const rows = models.length > 0 ? models : [undefined];
              return rows.map((m, i) => (
                <tr>
                  <td>{i === 0 ? <a href={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</a> : null}</td>
                  <td>{i === 0 ? run.status : null}</td>
                  <td>{i === 0 ? run.createdAt.slice(0, 16).replace('T', ' ') : null}</td>
                  <td>{m?.modelKey ?? '—'}</td>
                  <td class="num">{m?.total ?? 0}</td>
                  <td>{m ? <OutcomeBar counts={m} /> : null}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

/** A horizontal bar of outcome shares (SVG: widths are attributes, as the CSP forbids inline styles), numbers beside it. */
export function OutcomeBar(props: { counts: OutcomeCounts }) {
  const c = props.counts;
  const total = c.correct + c.avoidant + c.incorrect + c.ungraded + c.error;
  let x = 0;
  return (
    <div>
      <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img"
        aria-label={`${c.correct} correct, ${c.avoidant} avoidant, ${c.incorrect} incorrect, ${c.ungraded} ungraded, ${c.error} errors`}>
        <rect x="0" y="0" width="100" height="8" fill="#c9cfd6" />
        {(['correct', 'avoidant', 'incorrect', 'error'] as const).map((o) => {
          const w = total === 0 ? 0 : (100 * c[o]) / total;
          x += w;
          return w > 0 ? <rect x={x - w} y="0" width={w} height="8" fill={BAR_COLOURS[o]} /> : null;
        })}
      </svg>
      <span class="muted">{`${c.correct} · ${c.avoidant} · ${c.incorrect}`}{c.ungraded > 0 ? ` · ${c.ungraded} ungraded` : ''}{c.error > 0 ? ` · ${c.error} errors` : ''}</span>
    </div>
  );
}

const BAR_COLOURS = { correct: '#2e7d32', avoidant: '#7b8794', incorrect: '#c62828', error: '#8e5a00' } as const;
