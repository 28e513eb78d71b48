import type { Db } from '../store/sqlite/open-workspace.js';
import type { AdminAuth } from './security/admin-auth.js';
import type { ViewCache } from './view-cache.js';

/** What every route needs: the workspace store, the admin check, the summaries cache and a clock. */
export interface WebContext {
  db: Db;
  auth: AdminAuth;
  cache: ViewCache;
  now: () => Date;
}
