import type { HonoRequest, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Largest request body accepted (forms only; the biggest is an override reason). */
export const MAX_BODY_BYTES = 16 * 1024;

/** Oversized bodies get 413 before any handler reads them. */
export function limitBody(): MiddlewareHandler {
  return bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('request body too large', 413) });
}

/**
 * Cross-site request refusal for every state-changing request: a browser sends Origin (or
 * Sec-Fetch-Site) with a POST, and it must name this server. Scripts without either header (curl)
 * pass here and still need the admin token or a participant token.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost === undefined || originHost !== host) return c.text('cross-origin request refused', 403);
    } else {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return c.text('cross-site request refused', 403);
    }
    return next();
  };
}

/**
 * When bound to loopback, only Host headers naming loopback are served: a web page cannot reach the
 * server through a DNS name that rebinds to 127.0.0.1.
 */
export function loopbackHostsOnly(enabled: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!enabled) return next();
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return c.text('unknown host', 421);
    return next();
  };
}

/** Only urlencoded forms are read; anything else is refused before parsing. */
export async function readForm(request: HonoRequest): Promise<URLSearchParams | undefined> {
  const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams(await request.text());
}
