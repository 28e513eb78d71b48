/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { domainBins, filterChoices, modelSummaries } from '../../store/sqlite/run-overview.js';
import { getRun, getRunModels, listRuns } from '../../store/sqlite/runs-repo.js';
import { listTrialPage, searchTrialPage } from '../../store/sqlite/trial-pages.js';
import { countMatching } from '../../store/sqlite/trial-queries.js';
import { isDomainName } from '../../core/item.js';
import { getDomain } from '../../domains/registry.js';
import type { AdminEnv } from '../security/admin-auth.js';
import type { WebContext } from '../web-context.js';
import { document, MessagePage } from '../views/layout.js';
import { RunPage } from '../views/run-page.js';
import { RunsPage } from '../views/runs-page.js';
import { TrialListPage } from '../views/trial-list-page.js';
import { parseListRequest } from './trial-filter.js';

export const PAGE_SIZE = 50;

function templateIds(domain: string): string[] {
  return isDomainName(domain) ? getDomain(domain).templates.map((t) => t.id) : [];
}

/** The results viewer (admin only): runs, a run's charts, trial lists with filters and search. */
export function viewerRoutes(ctx: WebContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const { db, cache } = ctx;

  app.get('/', (c) => {
    const models = cache.get('summaries', () => modelSummaries(db));
    return c.html(document(<RunsPage csrf={c.get('csrf')} runs={listRuns(db)} models={models} />));
  });

  app.get('/runs/:runId', (c) => {
    const run = getRun(db, c.req.param('runId'));
    if (!run) return c.html(document(<MessagePage title="No such run" message="This workspace has no run with that id." admin={{ csrf: c.get('csrf') }} link={{ href: '/', text: 'all runs' }} />), 404);
    const groups = cache.get(`bins:${run.id}`, () => domainBins(db, run.id));
    const summaries = cache.get(`summaries:${run.id}`, () => modelSummaries(db, run.id));
    return c.html(document(<RunPage csrf={c.get('csrf')} run={run} runModels={getRunModels(db, run.id)} summaries={summaries} groups={groups} />));
  });

  app.get('/runs/:runId/trials', (c) => {
    const runId = c.req.param('runId');
    if (!getRun(db, runId)) return c.html(document(<MessagePage title="No such run" message="This workspace has no run with that id." admin={{ csrf: c.get('csrf') }} />), 404);
    const request = parseListRequest(runId, (name) => c.req.query(name));
    if (typeof request === 'string') return c.html(document(<MessagePage title="Bad filter" message={request} admin={{ csrf: c.get('csrf') }} />), 400);
    const choices = cache.get(`choices:${runId}`, () => filterChoices(db, runId, templateIds));
    const props = { csrf: c.get('csrf'), runId, values: request.values, choices };
    if (request.values.q) {
      const search = searchTrialPage(db, request.filter, request.values.q, { limit: PAGE_SIZE, ...(request.after === undefined ? {} : { after: request.after }) });
      return c.html(document(<TrialListPage {...props} search={search} />));
    }
    const total = cache.get(`count:${JSON.stringify(request.filter)}`, () => countMatching(db, request.filter));
    const page = listTrialPage(db, request.filter, { limit: PAGE_SIZE, after: request.after, before: request.before, last: request.last, total });
    return c.html(document(<TrialListPage {...props} page={page} />));
  });

  return app;
}
