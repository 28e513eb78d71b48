/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { isDomainName } from '../../core/item.js';
import { renderPrompt } from '../../core/template.js';
import { getDomain } from '../../domains/registry.js';
import { recordAnswer, showCurrentItem, type ShownItem, type StudyAnswer } from '../../store/sqlite/study-answers.js';
import { VERDICTS, type Verdict } from '../../store/sqlite/study-attention.js';
import { findOpenStudy, findParticipant, joinOpenLink, type ParticipantSession } from '../../store/sqlite/study-participants.js';
import { readForm } from '../security/request-guards.js';
import type { WebContext } from '../web-context.js';
import { document, MessagePage } from '../views/layout.js';
import { DonePage, IntroPage, ItemPage, JoinPage } from '../views/participant-pages.js';

/**
 * Participant pages. A token in the path is the only key: every read and write goes through the
 * participant it names, so one participant's link cannot reach another's session.
 */
export function participantRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  const { db } = ctx;
  const invalid = (c: Context) => c.html(document(<MessagePage participant title="Link not valid" message="This study link is not valid. Check that you copied all of it." />), 404);
  const closed = (c: Context, s: ParticipantSession) => c.html(document(<MessagePage participant title={s.title} message="This study is closed. Thank you for your interest." />), 410);

  app.get('/p/:token', (c) => {
    const session = findParticipant(db, c.req.param('token'));
    if (!session) return invalid(c);
    if (session.answered >= session.total) return c.html(document(<DonePage session={session} />));
    if (session.studyStatus !== 'open') return closed(c, session);
    return c.html(document(<IntroPage token={c.req.param('token')} session={session} />));
  });

  app.get('/p/:token/item', (c) => {
    const token = c.req.param('token');
    const session = findParticipant(db, token);
    if (!session) return invalid(c);
    if (session.answered >= session.total) return c.redirect(`/p/${token}/done`, 303);
    if (session.studyStatus !== 'open') return closed(c, session);
    const item = showCurrentItem(db, session.participantId, ctx.now());
    if (!item) return c.redirect(`/p/${token}/done`, 303);
    return c.html(document(<ItemPage token={token} session={session} item={item} question={questionText(item)} />));
  });

  app.get('/p/:token/done', (c) => {
    const session = findParticipant(db, c.req.param('token'));
    if (!session) return invalid(c);
    if (session.answered < session.total) return c.redirect(`/p/${c.req.param('token')}/item`, 303);
    return c.html(document(<DonePage session={session} />));
  });

  app.post('/p/:token/answer', async (c) => {
    const token = c.req.param('token');
    const session = findParticipant(db, token);
    if (!session) return invalid(c);
    const form = await readForm(c.req);
    if (form === undefined) return c.text('expected a form (application/x-www-form-urlencoded)', 415);
    const position = Number(form.get('position') ?? 'x');
    const answer = parseAnswer(form);
    if (!Number.isInteger(position) || position < 0 || answer === undefined) return c.text('malformed answer', 400);
    const result = recordAnswer(db, session.participantId, position, answer, ctx.now());
    if (result === 'ok') return c.redirect(`/p/${token}/item`, 303);
    if (result === 'closed') return closed(c, session);
    const status = result === 'invalid-answer' || result === 'unknown-position' ? 400 : 409;
    const message = status === 409 ? 'That item was already answered (perhaps in another tab). Your answers so far are saved.' : 'That answer could not be read.';
    return c.html(document(<MessagePage participant title="Answer not saved" message={message} link={{ href: `/p/${token}/item`, text: 'Go to your current item' }} />), status);
  });

  app.get('/join/:token', (c) => {
    const study = findOpenStudy(db, c.req.param('token'));
    if (!study) return invalid(c);
    if (study.status !== 'open') return c.html(document(<MessagePage participant title={study.title} message="This study is closed. Thank you for your interest." />), 410);
    return c.html(document(<JoinPage token={c.req.param('token')} title={study.title} kind={study.kind} />));
  });

  app.post('/join/:token', (c) => {
    const result = joinOpenLink(db, c.req.param('token'), ctx.now());
    if (result === 'unknown') return invalid(c);
    if (result === 'closed' || result === 'full') {
      return c.html(document(<MessagePage participant title="Study full" message={result === 'full' ? 'This study has all the participants it needs. Thank you for your interest.' : 'This study is closed.'} />), 410);
    }
    return c.redirect(`/p/${result.token}`, 303);
  });

  return app;
}

function parseAnswer(form: URLSearchParams): StudyAnswer | undefined {
  const verdict = form.get('verdict');
  const rating = form.get('rating');
  if ((verdict === null) === (rating === null)) return undefined;
  if (verdict !== null) return (VERDICTS as readonly string[]).includes(verdict) ? { verdict: verdict as Verdict } : undefined;
  const n = Number(rating);
  return rating !== '' && Number.isFinite(n) ? { rating: n } : undefined;
}

/** The question as a person reads it: S2 the prompt the model got; S1 the item in the domain's first template. */
export function questionText(item: ShownItem): string {
  if (item.kind === 'S2' || item.attention) return item.prompt;
  if (!isDomainName(item.domain)) return Object.values(item.input).join('\n');
  const template = getDomain(item.domain).templates[0];
  try {
    return template ? renderPrompt(template, item.input, 'chat') : Object.values(item.input).join('\n');
  } catch {
    return Object.values(item.input).join('\n');
  }
}
