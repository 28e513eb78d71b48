/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { DOMAIN_NAMES } from '../../core/item.js';
import { CsrfField, Page } from './layout.js';

/** The organiser's form for a new study; values come back filled in when something is wrong. */
export interface StudyFormValues {
  kind: 'S1' | 'S2';
  title: string;
  run: string;
  models: string;
  domains: string[];
  perBin: string;
  wrongShare: string;
  perParticipant: string;
  attentionChecks: string;
  participants: string;
  openCap: string;
  seed: string;
}

export function defaultStudyForm(kind: 'S1' | 'S2', run: string, seed: string): StudyFormValues {
  return {
    kind, title: kind === 'S2' ? 'Is the model right?' : 'How hard is this question?', run, models: '', domains: [], perBin: '4', wrongShare: '0.5',
    perParticipant: '20', attentionChecks: '2', participants: '5', openCap: '', seed,
  };
}

export function NewStudyPage(props: { csrf: string | undefined; values: StudyFormValues; runs: string[]; error?: string }) {
  const v = props.values;
  const s2 = v.kind === 'S2';
  return (
    <Page title={`New ${v.kind} study · reliabench`} admin={{ csrf: props.csrf }}>
      <h1>{s2 ? 'New S2 study: do people catch the model\'s wrong answers?' : 'New S1 study: how hard do people find the items?'}</h1>
      {props.error ? <p class="notice warn" role="alert">{props.error}</p> : null}
      <form class="stack" method="post" action="/studies" id="new-study">
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="kind" value={v.kind} />
        <label>title (participants see it)<input type="text" name="title" value={v.title} required maxlength={200} /></label>
        {s2 ? (
          <>
            <label>run whose answers are judged
              <select name="run" required>{props.runs.map((r) => <option value={r} selected={r === v.run}>{r}</option>)}</select>
            </label>
            <label>models (comma-separated keys; empty = all models of the run)<input type="text" name="models" value={v.models} maxlength={1000} /></label>
          </>
        ) : null}
        <fieldset>
          <legend>domains (none ticked = all)</legend>
          {DOMAIN_NAMES.map((d) => <label><span><input type="checkbox" name="domains" value={d} checked={v.domains.includes(d)} /> {d}</span></label>)}
        </fieldset>
        <label>{s2 ? 'answers' : 'items'} per difficulty bin and domain (stratified sample)<input type="number" name="perBin" min={1} max={1000} value={v.perBin} required /></label>
        {s2 ? <label>share of wrong answers in each bin (0–1)<input type="text" inputmode="decimal" name="wrongShare" value={v.wrongShare} required /></label> : null}
        <label>items per participant<input type="number" name="perParticipant" min={1} max={500} value={v.perParticipant} required /></label>
        <label>attention checks per participant<input type="number" name="attentionChecks" min={0} max={20} value={v.attentionChecks} required /></label>
        <label>participant links to create now<input type="number" name="participants" min={0} max={1000} value={v.participants} required /></label>
        <label>open link: at most this many participants (empty = no open link)<input type="number" name="openCap" min={1} max={10000} value={v.openCap} /></label>
        <label>seed (sampling and item order)<input type="text" name="seed" value={v.seed} required maxlength={100} /></label>
        <div><button type="submit">Create the study</button></div>
      </form>
    </Page>
  );
}
