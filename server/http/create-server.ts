import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { migrations } from '../../migrations/index.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { openDatabase, startCheckpoints } from '../db/index.ts';
import { EventBus } from '../events/index.ts';
import { apiRouter } from '../api/index.ts';
import { authenticate } from '../auth/authenticate.ts';
import { ensureAdminFromConfig } from '../auth/bootstrap.ts';
import { startSessionExpiry } from '../auth/sessions.service.ts';
import { mountUi, uiBuildExists } from './ui.ts';
import { attachCollab, type CollabServer } from '../../collab/server/index.ts';

export interface TesseraServer {
  ctx: AppContext;
  server: http.Server;
  /** The websocket sync server on the same port, path `/collab` (ARCHITECTURE §5). */
  collab: CollabServer;
  /** http://127.0.0.1:<port> once listening. */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** 'build' serves the built UI (when present), 'dev' runs Vite, 'none' serves only the API. */
  ui?: 'build' | 'dev' | 'none';
}

/** Opens the database, wires the API, the UI and the collab server, and listens. */
export async function startServer(config: Config, { ui = 'build' }: StartOptions = {}): Promise<TesseraServer> {
  const db = await openDatabase({ dataDir: config.dataDir, migrations, synchronous: config.sqliteSynchronous });
  const ctx: AppContext = { db, config, events: new EventBus(), inTransactionHooks: [] };
  await ensureAdminFromConfig(ctx);
  const stopCheckpoints = startCheckpoints(db, { synchronous: config.sqliteSynchronous });
  const stopSessionExpiry = startSessionExpiry(ctx);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  app.use('/api/v1', apiRouter(ctx));
  let closeUi = async () => {};
  if (ui === 'dev' || (ui === 'build' && uiBuildExists())) {
    app.use(authenticate(ctx));
    closeUi = await mountUi(app, ctx, { dev: ui === 'dev' });
  }

  const server = http.createServer(app);
  server.requestTimeout = 120_000;
  const collab = attachCollab(ctx, server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    ctx,
    server,
    collab,
    url: `http://${host}:${port}`,
    async close() {
      stopSessionExpiry();
      await stopCheckpoints();
      // Before the HTTP server: upgraded sockets would keep server.close() waiting.
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeUi();
      db.close();
    },
  };
}
