/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { isReliabenchError } from '../../core/errors.js';
import { listRuns } from '../../store/sqlite/runs-repo.js';
import { createStudy, getStudy, listStudies, setStudyStatus } from '../../store/sqlite/studies-repo.js';
import { addParticipants } from '../../store/sqlite/study-participants.js';
import { participantProgress, studyResponseRows } from '../../store/sqlite/study-results.js';
import type { AdminEnv } from '../security/admin-auth.js';
import { readForm } from '../security/request-guards.js';
import type { WebContext } from '../web-context.js';
import { document, MessagePage } from '../views/layout.js';
import { defaultStudyForm, NewStudyPage } from '../views/study-new-page.js';
import { LinksPage, StudiesPage, StudyPage } from '../views/study-pages.js';
import { exportRoutes } from './export-routes.js';
import { readStudyForm } from './study-form.js';

/** Organiser routes for studies (admin only): list, create, links, status, results, exports. */
export function studyRoutes(ctx: WebContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db } = ctx;
  const origin = (c: Context) => new URL(c.req.url).origin;
  const noStudy = (c: Context<AdminEnv>) => c.html(document(<MessagePage title="No such study" message="This workspace has no study with that id." admin={{ csrf: c.get('csrf') }} link={{ href: '/studies', text: 'all studies' }} />), 404);

  app.get('/studies', (c) => {
    const studies = listStudies(db);
    const progress = new Map(studies.map((s) => [s.id, participantProgress(db, s.id)]));
    return c.html(document(<StudiesPage csrf={c.get('csrf')} studies={studies} progress={progress} />));
  });

  app.get('/studies/new', (c) => {
    const kind = c.req.query('kind') === 'S1' ? 'S1' : 'S2';
    const runs = listRuns(db).map((r) => r.id);
    const values = defaultStudyForm(kind, c.req.query('run') ?? runs[0] ?? '', `study-${ctx.now().toISOString().slice(0, 10)}`);
    return c.html(document(<NewStudyPage csrf={c.get('csrf')} values={values} runs={runs} />));
  });

  app.post('/studies', async (c) => {
    const form = await readForm(c.req);
    if (form === undefined) return c.text('expected a form (application/x-www-form-urlencoded)', 415);
    const read = readStudyForm(form);
    if (read === undefined) return c.text('malformed study form', 400);
    const runs = listRuns(db).map((r) => r.id);
    if ('error' in read) return c.html(document(<NewStudyPage csrf={c.get('csrf')} values={read.values} runs={runs} error={read.error} />), 400);
    try {
      const created = createStudy(db, read.study, ctx.now());
      return c.html(document(<LinksPage csrf={c.get('csrf')} study={created.study} origin={origin(c)} links={created.links} openToken={created.openToken} />), 201);
    } catch (error) {
      if (!isReliabenchError(error)) throw error;
      return c.html(document(<NewStudyPage csrf={c.get('csrf')} values={read.values} runs={runs} error={error.message} />), 400);
    }
  });

  app.get('/studies/:id', (c) => {
    const study = getStudy(db, c.req.param('id'));
    if (!study) return noStudy(c);
    const strata = db.prepare('SELECT domain, bin, COUNT(*) AS n FROM study_items WHERE study_id = ? GROUP BY domain, bin ORDER BY domain, bin').all(study.id) as { domain: string; bin: number; n: number }[];
    return c.html(document(<StudyPage csrf={c.get('csrf')} study={study} progress={participantProgress(db, study.id)} rows={studyResponseRows(db, study.id)} strata={strata} />));
  });

  app.post('/studies/:id/links', async (c) => {
    const study = getStudy(db, c.req.param('id'));
    if (!study) return noStudy(c);
    const count = Number((await readForm(c.req))?.get('count') ?? 'x');
    if (!Number.isInteger(count) || count < 1 || count > 200) return c.text('count: a whole number from 1 to 200', 400);
    const links = addParticipants(db, study.id, count, ctx.now());
    return c.html(document(<LinksPage csrf={c.get('csrf')} study={study} origin={origin(c)} links={links} openToken={null} />), 201);
  });

  app.post('/studies/:id/status', async (c) => {
    const status = (await readForm(c.req))?.get('status');
    if (status !== 'open' && status !== 'closed') return c.text('status: open or closed', 400);
    if (!setStudyStatus(db, c.req.param('id'), status)) return noStudy(c);
    return c.redirect(`/studies/${encodeURIComponent(c.req.param('id'))}`, 303);
  });

  app.route('/', exportRoutes(ctx));
  return app;
}
