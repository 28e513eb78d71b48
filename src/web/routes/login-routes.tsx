/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { readForm } from '../security/request-guards.js';
import type { WebContext } from '../web-context.js';
import { document } from '../views/layout.js';
import { LoginPage } from '../views/login-page.js';

/** A local path to return to after login: never another site (no scheme, no //host). */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) && next.length < 1000 ? next : '/';
}

export function loginRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  app.get('/login', (c) => c.html(document(<LoginPage next={safeNext(c.req.query('next'))} />)));
  app.post('/login', async (c) => {
    const form = await readForm(c.req);
    if (form === undefined) return c.text('expected a form', 415);
    const next = safeNext(form.get('next'));
    if (!ctx.auth.login(c, form.get('token') ?? '')) return c.html(document(<LoginPage next={next} failed />), 401);
    return c.redirect(next, 303);
  });
  app.post('/logout', (c) => {
    ctx.auth.logout(c);
    return c.redirect('/login', 303);
  });
  return app;
}
