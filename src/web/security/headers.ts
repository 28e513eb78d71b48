import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. The CSP allows scripts and styles only from this server's own
 * /assets/ files (no inline script or style, nothing from elsewhere), so even text that escaped
 * escaping could not run; pages cannot be framed, send a referrer only to this server itself
 * (participant links carry their token in the path; 'no-referrer' would also blank the Origin header
 * that the same-origin check on POSTs relies on) and are not cached.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    const h = c.res.headers;
    h.set('Server-Timing', `app;dur=${(performance.now() - t0).toFixed(1)}`);
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'same-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
