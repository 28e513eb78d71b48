import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Db } from '../store/sqlite/open-workspace.js';
import { createApp } from './app.js';

import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from './listen-address.js';

export { DEFAULT_HOST, DEFAULT_PORT, isLoopback };

export interface ServeOptions {
  db: Db;
  adminToken: string;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** Default 8377; 0 picks a free port. */
  port?: number;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the viewer and study server; resolves once it listens. */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = createApp({ db: options.db, adminToken: options.adminToken, loopbackOnly: isLoopback(host), ...(options.now ? { now: options.now } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', reject);
  });
}
