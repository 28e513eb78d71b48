/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Db } from '../store/sqlite/open-workspace.js';
import { assetRoutes } from './routes/asset-routes.js';
import { loginRoutes } from './routes/login-routes.js';
import { participantRoutes } from './routes/participant-routes.js';
import { studyRoutes } from './routes/study-routes.js';
import { trialRoutes } from './routes/trial-routes.js';
import { viewerRoutes } from './routes/viewer-routes.js';
import { AdminAuth, type AdminEnv } from './security/admin-auth.js';
import { securityHeaders } from './security/headers.js';
import { limitBody, loopbackHostsOnly, sameOriginWrites } from './security/request-guards.js';
import { ViewCache } from './view-cache.js';
import { document, MessagePage } from './views/layout.js';
import type { WebContext } from './web-context.js';

export interface AppOptions {
  db: Db;
  adminToken: string;
  /** Refuse Host headers other than loopback names (set when bound to loopback). */
  loopbackOnly?: boolean;
  now?: () => Date;
}

/**
 * The `serve` app. Public: /assets, /login, participant pages (/p/<token>) and open links
 * (/join/<token>). Everything else — the viewer, overrides, organiser pages, exports — needs the admin
 * token. Security design: docs/serve.md "Security".
 */
export function createApp(options: AppOptions): Hono {
  const ctx: WebContext = { db: options.db, auth: new AdminAuth(options.adminToken), cache: new ViewCache(options.db), now: options.now ?? (() => new Date()) };
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', loopbackHostsOnly(options.loopbackOnly === true));
  app.use('*', sameOriginWrites());
  app.use('*', limitBody());
  app.route('/', assetRoutes());
  app.route('/', loginRoutes(ctx));
  app.route('/', participantRoutes(ctx));

  const admin = new Hono<AdminEnv>();
  admin.use('*', ctx.auth.middleware((c) => {
    const next = encodeURIComponent(c.req.path);
    return c.html(document(<MessagePage title="Log in first" message="This page is for the study organiser: log in with the admin token that reliabench serve printed." link={{ href: `/login?next=${next}`, text: 'Log in' }} />), 401);
  }));
  admin.route('/', viewerRoutes(ctx));
  admin.route('/', trialRoutes(ctx));
  admin.route('/', studyRoutes(ctx));
  app.route('/', admin);

  app.notFound((c) => c.html(document(<MessagePage title="Not found" message="There is no page here." />), 404));
  app.onError((error, c) => {
    process.stderr.write(`reliabench serve: ${error.stack ?? error.message}\n`);
    return c.html(document(<MessagePage title="Something went wrong" message="The server could not handle this request; the error is in the terminal running reliabench serve." />), 500);
  });
  return app;
}
