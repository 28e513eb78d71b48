import { Hono } from 'hono';
import { APP_CSS } from '../assets/app-css.js';
import { LOGIN_JS } from '../assets/login-js.js';
import { PARTICIPANT_JS } from '../assets/participant-js.js';
import { VIEWER_JS } from '../assets/viewer-js.js';

const ASSETS: Record<string, { type: string; body: string }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: APP_CSS },
  'viewer.js': { type: 'text/javascript; charset=utf-8', body: VIEWER_JS },
  'participant.js': { type: 'text/javascript; charset=utf-8', body: PARTICIPANT_JS },
  'login.js': { type: 'text/javascript; charset=utf-8', body: LOGIN_JS },
};

/** /assets/<name>: the stylesheet and scripts, from memory; nothing else is served from disk. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (asset === undefined) return c.text('not found', 404);
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
}
