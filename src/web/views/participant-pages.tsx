/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ShownItem } from '../../store/sqlite/study-answers.js';
import { RATING_SCALE, VERDICT_LABELS, VERDICTS } from '../../store/sqlite/study-attention.js';
import type { ParticipantSession } from '../../store/sqlite/study-participants.js';
import { Page } from './layout.js';

/**
 * Participant pages: one item at a time, plain HTML forms (keyboard and phone friendly without
 * script), nothing about other participants and no gold answer — S2 shows the model's answer only.
 */
const INSTRUCTIONS = {
  S2: 'You will see a question someone asked an AI model, and the model\'s answer. Judge the answer: is it correct, incorrect, or did the model give no real answer (it refused, asked back, or said it does not know)? If you cannot tell, choose “Not sure”. Please do not look answers up or use a calculator.',
  S1: 'You will see a question. Do not answer it: say how hard you think it would be for a typical adult to answer it correctly without tools.',
} as const;

export function IntroPage(props: { token: string; session: ParticipantSession }) {
  const s = props.session;
  const started = s.answered > 0;
  return (
    <Page title={s.title} participant narrow>
      <h1>{s.title}</h1>
      <p>{INSTRUCTIONS[s.kind]}</p>
      <p>There are {s.total} items, one at a time. {started ? `You have answered ${s.answered}; you can continue where you stopped.` : 'You can stop at any time and come back to this link to continue.'}</p>
      <p><a class="button" href={`/p/${props.token}/item`}>{started ? 'Continue' : 'Start'}</a></p>
    </Page>
  );
}

export function ItemPage(props: { token: string; session: ParticipantSession; item: ShownItem; question: string; notice?: string }) {
  const { session: s, item } = props;
  const number = s.answered + 1;
  return (
    <Page title={`Item ${number} of ${s.total} · ${s.title}`} participant scripts={['participant.js']} narrow>
      <p class="progress" id="progress">Item {number} of {s.total}</p>
      <progress max={s.total} value={s.answered} aria-labelledby="progress"></progress>
      {props.notice ? <p class="notice warn" role="alert">{props.notice}</p> : null}
      <h1 class="sr-only">{s.title}</h1>
      <section aria-labelledby="q-h">
        <h2 id="q-h">{item.kind === 'S2' ? 'The question' : 'Question'}</h2>
        <pre class="text question" id="question">{props.question}</pre>
      </section>
      {item.kind === 'S2' ? (
        <section aria-labelledby="a-h">
          <h2 id="a-h">The model's answer</h2>
          <pre class="text" id="model-answer">{item.answer}</pre>
        </section>
      ) : null}
      <form id="answer" method="post" action={`/p/${props.token}/answer`}>
        <input type="hidden" name="position" value={String(item.position)} />
        <fieldset class="choices">
          <legend>{item.kind === 'S2' ? 'Is the model\'s answer correct?' : 'How hard is this question?'}</legend>
          {item.kind === 'S2'
            ? VERDICTS.map((v, i) => <Choice name="verdict" value={v} label={VERDICT_LABELS[v]} n={i + 1} />)
            : RATING_SCALE.map((p, i) => <Choice name="rating" value={String(p.value)} label={p.label} n={i + 1} />)}
        </fieldset>
        <p class="kbd-hint">Keys 1–{item.kind === 'S2' ? VERDICTS.length : RATING_SCALE.length} choose; Enter goes on.</p>
        <button type="submit">Next</button>
      </form>
    </Page>
  );
}

function Choice(props: { name: string; value: string; label: string; n: number }) {
  const id = `${props.name}-${props.value}`;
  return (
    <label for={id}>
      <input type="radio" id={id} name={props.name} value={props.value} required />
      <span>{props.label}</span>
    </label>
  );
}

export function DonePage(props: { session: ParticipantSession }) {
  return (
    <Page title={`Thank you · ${props.session.title}`} participant narrow>
      <h1>Thank you!</h1>
      <p>You have answered all {props.session.total} items. You can close this page.</p>
    </Page>
  );
}

export function JoinPage(props: { token: string; title: string; kind: 'S1' | 'S2' }) {
  return (
    <Page title={props.title} participant narrow>
      <h1>{props.title}</h1>
      <p>{INSTRUCTIONS[props.kind]}</p>
      <form method="post" action={`/join/${props.token}`}>
        <button type="submit">Take part</button>
      </form>
      <p class="muted">You will get a personal link: keep it to continue later.</p>
    </Page>
  );
}
