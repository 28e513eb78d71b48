import { Command } from '@commander-js/extra-typings';
import { ReliabenchError } from '../core/errors.js';
import { addMissingFacetsOfUnfinishedRuns } from '../store/sqlite/facet-sync.js';
import { openWorkspace, workspacePath } from '../store/sqlite/open-workspace.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from '../web/listen-address.js';

type ServeFlags = { port?: string; host?: string; workspace?: string };

export const ADMIN_TOKEN_ENV = 'RELIABENCH_ADMIN_TOKEN';

export function serveCommand(): Command<[], ServeFlags> {
  return new Command('serve')
    .description('results viewer and human studies (S1 difficulty ratings, S2 answer verification) in the browser')
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 = any free port)`)
    .option('--host <address>', `address to bind (default ${DEFAULT_HOST}: this machine only; use 0.0.0.0 to let participants on your network in)`)
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .addHelpText('after', `
The organiser pages (runs, trials, overrides, studies, exports) need the admin token printed at start;
set ${ADMIN_TOKEN_ENV} to choose it yourself (at least 16 characters). Participant pages need only
their own link.

Examples:
  $ reliabench serve
  $ reliabench serve --port 9000 --workspace results/workspace.sqlite
  $ ${ADMIN_TOKEN_ENV}=... reliabench serve --host 0.0.0.0      participants on your network`)
    .action(async (flags) => {
      const port = flags.port === undefined ? DEFAULT_PORT : parsePortOption(flags.port);
      const host = flags.host ?? DEFAULT_HOST;
      // The web app (hono, JSX pages) loads only for this command.
      const { startServer } = await import('../web/server.js');
      const { newAdminToken } = await import('../web/security/admin-auth.js');
      const adminToken = process.env[ADMIN_TOKEN_ENV] ?? newAdminToken();
      if (adminToken.length < 16) throw new ReliabenchError('BAD_ARGUMENT', `${ADMIN_TOKEN_ENV} must be at least 16 characters`);
      const db = openWorkspace(workspacePath(flags.workspace));
      try {
        addMissingFacetsOfUnfinishedRuns(db);
      } catch (error) {
        // another process holding the store's write lock must not keep the viewer from starting
        process.stderr.write(`reliabench: note: could not add the viewer's missing facets of unfinished runs now (${(error as Error).message}); resuming or grading those runs adds them\n`);
      }
      let server;
      try {
        server = await startServer({ db, adminToken, host, port });
      } catch (error) {
        db.close();
        throw new ReliabenchError('BAD_ARGUMENT', `cannot listen on ${host}:${port}: ${(error as Error).message} (choose another --port)`, { cause: error });
      }
      const out = process.stdout;
      out.write(`reliabench serve: ${server.url} (workspace ${db.name})\n`);
      out.write(`admin token: ${adminToken}\n`);
      out.write(`log in: ${server.url}/login#token=${adminToken}\n`);
      if (!isLoopback(host)) process.stderr.write(`reliabench: warning: listening on ${host}: anyone who can reach this machine can open participant links; the organiser pages still need the admin token\n`);
      out.write('Ctrl+C stops.\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      db.close();
    });
}

export function parsePortOption(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ReliabenchError('BAD_ARGUMENT', `--port must be a whole number from 0 to 65535, got "${text}"`, { input: text });
  return port;
}
