import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { readForm } from './request-guards.js';

/**
 * The organiser's access: one admin token (32 random bytes, printed when `serve` starts, or set with
 * RELIABENCH_ADMIN_TOKEN). A request is an admin's when it carries `Authorization: Bearer <token>`
 * (scripts) or the session cookie set by the login page (HttpOnly, SameSite=Strict). Cookie sessions
 * carry a CSRF token that every admin form posts back.
 */
export const SESSION_COOKIE = 'rb_admin';
const SESSION_HOURS = 12;

export type AdminEnv = { Variables: { csrf: string | undefined } };

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export class AdminAuth {
  private readonly sessions = new Map<string, { csrf: string; expires: number }>();

  constructor(private readonly token: string) {
    if (token.length < 16) throw new Error('the admin token must be at least 16 characters');
  }

  /** Checks a typed token; on success sets the session cookie. */
  login(c: Context, typed: string): boolean {
    if (!sameSecret(typed, this.token)) return false;
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { csrf: randomBytes(24).toString('base64url'), expires: Date.now() + SESSION_HOURS * 3_600_000 });
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600 });
    return true;
  }

  logout(c: Context): void {
    const id = getCookie(c, SESSION_COOKIE);
    if (id !== undefined) this.sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  }

  /** 'bearer', the session's CSRF token, or undefined (not an admin). */
  identify(c: Context): { via: 'bearer' } | { via: 'cookie'; csrf: string } | undefined {
    const header = c.req.header('authorization');
    if (header !== undefined && header.startsWith('Bearer ')) return sameSecret(header.slice(7), this.token) ? { via: 'bearer' } : undefined;
    const id = getCookie(c, SESSION_COOKIE);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (session === undefined || session.expires < Date.now()) return undefined;
    return { via: 'cookie', csrf: session.csrf };
  }

  /**
   * Admin routes: 401 without the token or a session; a cookie-authenticated POST must also carry the
   * session's CSRF token as the form field `_csrf` (forms do; see views/csrf-field.tsx).
   */
  middleware(onRefused: (c: Context) => Response | Promise<Response>): MiddlewareHandler<AdminEnv> {
    return async (c, next) => {
      const who = this.identify(c);
      if (who === undefined) return onRefused(c);
      c.set('csrf', who.via === 'cookie' ? who.csrf : undefined);
      if (who.via === 'cookie' && c.req.method === 'POST') {
        const sent = (await readForm(c.req))?.get('_csrf') ?? '';
        if (!sameSecret(sent, who.csrf)) return c.text('missing or wrong CSRF token: reload the page and try again', 403);
      }
      return next();
    };
  }
}
