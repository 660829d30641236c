import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express, { type Express } from 'express';
import { createRequestHandler } from '@react-router/express';
import type { ServerBuild } from 'react-router';
import type { AppContext } from '../context.ts';
import { getActor } from '../api/request.ts';
import { PROJECT_ROOT } from '../runtime.ts';

const ROOT = PROJECT_ROOT;
// TESSERA_BUILD_DIR lets parallel work build and test into separate folders.
const BUILD_DIR = path.resolve(ROOT, process.env.TESSERA_BUILD_DIR ?? 'build');

/** Whether `npm run build` has produced the UI bundle. */
export function uiBuildExists(): boolean {
  return fs.existsSync(path.join(BUILD_DIR, 'server/index.js'));
}

/**
 * Serves the React Router app from the same process and port as the API. Production uses
 * the built bundle; `dev` runs Vite in middleware mode with hot reload. Loaders get the
 * same AppContext as the API through the load context, so there is one database
 * connection and one event bus.
 */
export async function mountUi(app: Express, ctx: AppContext, { dev }: { dev: boolean }): Promise<() => Promise<void>> {
  const getLoadContext = (req: express.Request) => ({ app: ctx, actor: getActor(req), clientIp: req.ip });
  if (dev) {
    const vite = await import('vite');
    const server = await vite.createServer({ root: ROOT, server: { middlewareMode: true } });
    app.use(server.middlewares);
    app.all('/{*path}', async (req, res, next) => {
      try {
        const build = (await server.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild;
        await createRequestHandler({ build, getLoadContext })(req, res, next);
      } catch (error) {
        next(error);
      }
    });
    return () => server.close();
  }
  const build = (await import(pathToFileURL(path.join(BUILD_DIR, 'server/index.js')).href)) as ServerBuild;
  app.use('/assets', express.static(path.join(BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(path.join(BUILD_DIR, 'client'), { maxAge: '1h', index: false }));
  app.all('/{*path}', createRequestHandler({ build, getLoadContext }));
  return async () => {};
}
