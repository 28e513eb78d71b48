/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { StudyRecord } from '../../store/sqlite/studies-repo.js';
import type { ParticipantLink } from '../../store/sqlite/study-participants.js';
import type { ParticipantProgress, StudyResponseRow } from '../../store/sqlite/study-results.js';
import { CsrfField, Page } from './layout.js';
import { StudyResults } from './study-results-view.js';

/** Organiser pages for studies S1 and S2 (admin only). */
export function StudiesPage(props: { csrf: string | undefined; studies: StudyRecord[]; progress: Map<string, ParticipantProgress[]> }) {
  return (
    <Page title="Studies · reliabench" admin={{ csrf: props.csrf }}>
      <h1>Human studies</h1>
      <p>
        <a class="button" href="/studies/new?kind=S2">New S2 study (verify answers)</a>{' '}
        <a class="button secondary" href="/studies/new?kind=S1">New S1 study (rate difficulty)</a>
      </p>
      <p class="muted">Analysis-ready exports of every study: <a href="/exports/s2-judgements.csv">S2 judgements (CSV)</a> · <a href="/exports/s2-judgements.jsonl">JSONL</a> · <a href="/exports/s1-ratings.csv">S1 ratings (CSV)</a> · <a href="/exports/s1-ratings.jsonl">JSONL</a></p>
      {props.studies.length === 0 ? <p>No studies yet.</p> : (
        <div class="table-wrap">
          <table>
            <thead><tr><th>study</th><th>kind</th><th>status</th><th>created</th><th class="num">pool</th><th class="num">participants</th><th class="num">finished</th></tr></thead>
            <tbody>
              {props.studies.map((s) => {
                const p = props.progress.get(s.id) ?? [];
                return (
                  <tr>
                    <td><a href={`/studies/${s.id}`}>{s.title}</a><br /><span class="muted">{s.id}</span></td>
                    <td>{s.kind}</td><td>{s.status}</td><td>{s.createdAt.slice(0, 16).replace('T', ' ')}</td>
                    <td class="num">{s.poolSize}</td><td class="num">{p.length}</td><td class="num">{p.filter((x) => x.finishedAt !== null).length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export function LinksPage(props: { csrf: string | undefined; study: StudyRecord; origin: string; links: ParticipantLink[]; openToken: string | null }) {
  const lines = props.links.map((l) => `${l.label}\t${props.origin}/p/${l.token}`).join('\n');
  return (
    <Page title={`Links · ${props.study.title}`} admin={{ csrf: props.csrf }}>
      <h1>Links for “{props.study.title}”</h1>
      <p class="notice warn" role="status">Copy these links now: only their fingerprints are stored, so they cannot be shown again (you can always add more).</p>
      {props.links.length > 0 ? (
        <section class="links">
          <h2>Participant links</h2>
          <ul id="participant-links">{props.links.map((l) => <li>{l.label}: <a href={`/p/${l.token}`}>{`${props.origin}/p/${l.token}`}</a></li>)}</ul>
          <label>All links, tab-separated (label, link)<textarea readonly>{lines}</textarea></label>
        </section>
      ) : null}
      {props.openToken ? (
        <section class="links">
          <h2>Open link</h2>
          <p>Anyone with this link can join, up to {props.study.openCap} people: <a id="open-link" href={`/join/${props.openToken}`}>{`${props.origin}/join/${props.openToken}`}</a></p>
        </section>
      ) : null}
      <p><a href={`/studies/${props.study.id}`}>Go to the study</a></p>
    </Page>
  );
}

export function StudyPage(props: { csrf: string | undefined; study: StudyRecord; progress: ParticipantProgress[]; rows: StudyResponseRow[]; strata: { domain: string; bin: number; n: number }[] }) {
  const s = props.study;
  const base = `/studies/${s.id}`;
  return (
    <Page title={`${s.title} · reliabench`} admin={{ csrf: props.csrf }}>
      <h1>{s.title}</h1>
      <dl class="facts">
        <dt>study</dt><dd>{s.id} · {s.kind === 'S2' ? 'S2, verification of model answers' : 'S1, difficulty ratings'} · {s.status}</dd>
        {s.runId ? <><dt>run</dt><dd><a href={`/runs/${encodeURIComponent(s.runId)}`}>{s.runId}</a></dd></> : null}
        <dt>pool</dt><dd>{s.poolSize} {s.kind === 'S2' ? 'answers' : 'items'} from {props.strata.length} (domain, difficulty bin) strata, at most {s.settings.perBin} each, seed {s.settings.seed}</dd>
        <dt>per participant</dt><dd>{s.perParticipant} items + {s.attentionChecks} attention {s.attentionChecks === 1 ? 'check' : 'checks'}</dd>
        <dt>open link</dt><dd>{s.openCap === null ? 'none' : `up to ${s.openCap} participants`}</dd>
        <dt>exports</dt><dd><a href={`${base}/responses.csv`}>responses CSV</a> · <a href={`${base}/responses.jsonl`}>responses JSONL</a></dd>
      </dl>
      <form method="post" action={`${base}/status`} class="pager">
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="status" value={s.status === 'open' ? 'closed' : 'open'} />
        <button type="submit" class="secondary">{s.status === 'open' ? 'Close the study' : 'Reopen the study'}</button>
      </form>
      <form method="post" action={`${base}/links`} class="filters">
        <CsrfField csrf={props.csrf} />
        <label>more participant links<input type="number" name="count" min={1} max={200} value="1" required /></label>
        <button type="submit">Add links</button>
      </form>
      <h2>Participants</h2>
      <div class="table-wrap">
        <table id="participants">
          <thead><tr><th>participant</th><th class="num">answered</th><th>finished</th><th>attention checks</th></tr></thead>
          <tbody>
            {props.progress.map((p) => (
              <tr><td>{p.label}{p.viaOpen ? ' (open link)' : ''}</td><td class="num">{p.answered} / {p.total}</td><td>{p.finishedAt ?? '—'}</td><td>{p.attentionPassed ? 'passed' : 'missed (left out of the analyses)'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <StudyResults kind={s.kind} rows={props.rows} />
    </Page>
  );
}
