/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { isReliabenchError } from '../../core/errors.js';
import type { TrialRef } from '../../store/sqlite/grades-repo.js';
import { overrideGrade, type OverrideRequest } from '../../store/sqlite/overrides-repo.js';
import { trialDetail } from '../../store/sqlite/trial-detail.js';
import type { AdminEnv } from '../security/admin-auth.js';
import { readForm } from '../security/request-guards.js';
import type { WebContext } from '../web-context.js';
import { document, MessagePage } from '../views/layout.js';
import { trialHref } from '../views/trial-list-page.js';
import { TrialPage } from '../views/trial-page.js';

/** A trial's page and the audited grade override (admin only). */
export function trialRoutes(ctx: WebContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db } = ctx;

  app.get('/runs/:runId/trial', (c) => {
    const ref = parseRef(c.req.param('runId'), (n) => c.req.query(n));
    const detail = ref === undefined ? undefined : trialDetail(db, ref);
    if (detail === undefined) return c.html(document(<MessagePage title="No such trial" message="This run has no trial with that key." admin={{ csrf: c.get('csrf') }} />), 404);
    const notice = c.req.query('overridden') === '1' ? 'Override saved.' : undefined;
    return c.html(document(<TrialPage csrf={c.get('csrf')} detail={detail} notice={notice} />));
  });

  app.post('/runs/:runId/trial/override', async (c) => {
    const form = await readForm(c.req);
    if (form === undefined) return c.text('expected a form (application/x-www-form-urlencoded)', 415);
    const ref = parseRef(c.req.param('runId'), (n) => form.get(n) ?? undefined);
    const request = ref === undefined ? undefined : parseOverride(form);
    if (ref === undefined || request === undefined) return c.text('malformed override: model, item, template, sample, outcome, who and reason are required', 400);
    try {
      overrideGrade(db, ref, { ...request, at: ctx.now() });
    } catch (error) {
      if (!isReliabenchError(error)) throw error;
      const detail = trialDetail(db, ref);
      if (detail === undefined) return c.text(error.message, 404);
      return c.html(document(<TrialPage csrf={c.get('csrf')} detail={detail} error={error.message} />), 400);
    }
    ctx.cache.changed();
    return c.redirect(`${trialHref(ref.runId, ref)}&overridden=1`, 303);
  });

  return app;
}

function parseRef(runId: string, get: (name: string) => string | undefined): TrialRef | undefined {
  const modelKey = get('model');
  const itemId = get('item');
  const templateId = get('template');
  const sample = Number(get('sample') ?? 'x');
  if (!modelKey || !itemId || !templateId || !Number.isInteger(sample) || sample < 0) return undefined;
  if ([modelKey, itemId, templateId].some((s) => s.length > 500)) return undefined;
  return { runId, modelKey, itemId, templateId, sample };
}

function parseOverride(form: URLSearchParams): OverrideRequest | undefined {
  const grade = form.get('outcome') ?? '';
  const who = form.get('who') ?? '';
  const reason = form.get('reason') ?? '';
  if (who.length > 100 || reason.length > 2000) return undefined;
  const [outcome, avoidance] = grade.split(':');
  if (outcome !== 'correct' && outcome !== 'incorrect' && outcome !== 'avoidant') return undefined;
  return { who, reason, outcome, ...(avoidance === undefined ? {} : { avoidance }) };
}
