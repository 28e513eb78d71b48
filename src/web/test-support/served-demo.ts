import { startServer, type RunningServer } from '../server.js';
import { demoWorkspace, type DemoWorkspace } from './demo-workspace.js';

/** Test support: the demo workspace served on 127.0.0.1 and a free port, with a known admin token. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface ServedDemo extends DemoWorkspace {
  server: RunningServer;
  url: string;
  /** fetch against the server, as the admin (bearer token) unless `as` says otherwise. */
  get(path: string, as?: 'admin' | 'anonymous' | { cookie: string }): Promise<Response>;
  post(path: string, body: string | URLSearchParams, options?: { as?: 'admin' | 'anonymous' | { cookie: string }; type?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function servedDemo(options: { perDomain?: number } = {}): Promise<ServedDemo> {
  const w = await demoWorkspace(options);
  const server = await startServer({ db: w.db, adminToken: ADMIN_TOKEN, port: 0 });
  const auth = (as: 'admin' | 'anonymous' | { cookie: string } = 'admin'): Record<string, string> =>
    as === 'admin' ? { Authorization: `Bearer ${ADMIN_TOKEN}` } : as === 'anonymous' ? {} : { Cookie: as.cookie };
  return {
    ...w,
    server,
    url: server.url,
    get: (path, as) => fetch(`${server.url}${path}`, { headers: auth(as), redirect: 'manual' }),
    post: (path, body, o = {}) => fetch(`${server.url}${path}`, {
      method: 'POST', redirect: 'manual', body: typeof body === 'string' ? body : body.toString(),
      headers: { 'Content-Type': o.type ?? 'application/x-www-form-urlencoded', ...auth(o.as), ...(o.headers ?? {}) },
    }),
    close: async () => {
      await server.close();
      w.db.close();
    },
  };
}

/** Logs in through the form; returns the session cookie and the CSRF token from a page. */
export async function loginCookie(demo: ServedDemo): Promise<{ cookie: string; csrf: string }> {
  const r = await demo.post('/login', new URLSearchParams({ token: ADMIN_TOKEN, next: '/' }), { as: 'anonymous' });
  const set = r.headers.get('set-cookie') ?? '';
  const cookie = set.split(';')[0] ?? '';
  const html = await (await demo.get('/studies', { cookie })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, csrf };
}
