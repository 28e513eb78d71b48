/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { AVOIDANCE_TYPES } from '../../grading/grade-types.js';
import type { GradeRecord } from '../../store/sqlite/grades-repo.js';
import type { TrialDetail } from '../../store/sqlite/trial-detail.js';
import { trialsHref } from './bin-chart.js';
import { CsrfField, OutcomeBadge, Page } from './layout.js';

/** One trial: the prompt as sent, the raw answer, the grade with its rationale, the judge's grade, overrides. */
export function TrialPage(props: { csrf: string | undefined; detail: TrialDetail; notice?: string; error?: string }) {
  const d = props.detail;
  const r = d.ref;
  return (
    <Page title={`Trial ${r.itemId} · reliabench`} admin={{ csrf: props.csrf }}>
      <p><a href={`/runs/${encodeURIComponent(r.runId)}`}>{r.runId}</a> › <a href={trialsHref(r.runId, { model: r.modelKey, domain: d.item?.domain })}>{r.modelKey}</a></p>
      <h1>Trial {d.facetId ?? ''}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.error ? <p class="notice warn" role="alert">{props.error}</p> : null}
      <dl class="facts">
        <dt>model</dt><dd>{r.modelKey} ({d.mode})</dd>
        <dt>item</dt><dd>{r.itemId}{d.item ? ` · ${d.item.domain} · difficulty ${d.item.calibrated.toFixed(1)} (bin ${d.item.bin}, chosen function ${d.item.chosen})` : ''}</dd>
        <dt>template</dt><dd>{r.templateId}, sample {r.sample}</dd>
        <dt>gold</dt><dd><code>{JSON.stringify(d.item?.gold ?? null)}</code></dd>
        <dt>answered</dt><dd>{d.createdAt} · {d.latencyMs} ms · {d.inputTokens ?? '?'} → {d.outputTokens ?? '?'} tokens · finish {d.finishReason ?? '—'}</dd>
      </dl>
      <h2>Prompt</h2>
      <pre class="text" id="prompt">{d.prompt}</pre>
      <h2>Response</h2>
      {d.status === 'error' ? <p class="notice warn">Error {d.errorCode}: {d.errorMessage}</p> : <pre class="text" id="response">{d.text}</pre>}
      <h2>Grade</h2>
      {d.effective ? <p>Effective grade: <OutcomeBadge outcome={d.effective.outcome} avoidance={d.effective.avoidance} />{d.overrides.length > 0 ? ' (overridden by a person)' : ''}</p> : <p>Not graded.</p>}
      <GradeTable rule={d.rule} judge={d.judge} />
      {d.overrides.length > 0 ? <Overrides detail={d} /> : null}
      {d.effective ? <OverrideForm csrf={props.csrf} detail={d} /> : null}
    </Page>
  );
}

function GradeTable(props: { rule: GradeRecord | undefined; judge: GradeRecord | undefined }) {
  const rows = [props.rule, props.judge].filter((g): g is GradeRecord => g !== undefined);
  if (rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <thead><tr><th>grader</th><th>grade</th><th>extracted answer</th><th>rule</th><th>rationale</th><th>version</th></tr></thead>
        <tbody>
          {rows.map((g) => (
            <tr>
              <td>{g.grader === 'judge' ? `judge (${g.judgeSpec ?? ''})` : 'rule grader'}</td>
              <td><OutcomeBadge outcome={g.outcome} avoidance={g.avoidance} /></td>
              <td class="snippet">{g.extracted ?? '—'}</td>
              <td><code>{g.ruleId}</code></td>
              <td>{g.rationale}</td>
              <td>{g.graderVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Overrides(props: { detail: TrialDetail }) {
  return (
    <section>
      <h2>Override history</h2>
      <table>
        <thead><tr><th>when</th><th>who</th><th>from</th><th>to</th><th>reason</th></tr></thead>
        <tbody>
          {props.detail.overrides.map((o) => (
            <tr>
              <td>{o.at}</td><td>{o.who}</td>
              <td><OutcomeBadge outcome={o.before.outcome} avoidance={o.before.avoidance} /></td>
              <td><OutcomeBadge outcome={o.after.outcome} avoidance={o.after.avoidance} /></td>
              <td>{o.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OverrideForm(props: { csrf: string | undefined; detail: TrialDetail }) {
  const r = props.detail.ref;
  return (
    <section>
      <h2>Override the grade</h2>
      <p class="muted">Recorded with your name, the time and the reason; the analyses and reports use the newest override.</p>
      <form class="stack" method="post" action={`/runs/${encodeURIComponent(r.runId)}/trial/override`}>
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="model" value={r.modelKey} />
        <input type="hidden" name="item" value={r.itemId} />
        <input type="hidden" name="template" value={r.templateId} />
        <input type="hidden" name="sample" value={String(r.sample)} />
        <label>new grade
          <select name="outcome" required>
            <option value="correct">correct</option>
            <option value="incorrect">incorrect</option>
            {AVOIDANCE_TYPES.map((a) => <option value={`avoidant:${a}`}>{`avoidant · ${a}`}</option>)}
          </select>
        </label>
        <label>your name<input type="text" name="who" required maxlength={100} autocomplete="name" /></label>
        <label>reason<textarea name="reason" required maxlength={2000} rows={3}></textarea></label>
        <div><button type="submit">Save override</button></div>
      </form>
    </section>
  );
}
