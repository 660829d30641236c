import express, { Router } from 'express';
import type { AppContext } from '../context.ts';
import { authenticate } from '../auth/authenticate.ts';
import { AppError } from '../errors.ts';
import { apiErrorHandler } from './error-handler.ts';
import { attachmentsRoutes } from './attachments-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { exportsRoutes } from './exports-routes.ts';
import { formsRoutes } from './forms-routes.ts';
import { importsRoutes } from './imports-routes.ts';
import { basesRoutes } from './bases-routes.ts';
import { boardsRoutes } from './boards-routes.ts';
import { fieldsRoutes } from './fields-routes.ts';
import { gridRoutes } from './grid-routes.ts';
import { membersRoutes } from './members-routes.ts';
import { recordsRoutes } from './records-routes.ts';
import { tablesRoutes } from './tables-routes.ts';
import { tokensRoutes } from './tokens-routes.ts';
import { usersRoutes } from './users-routes.ts';
import { viewsRoutes } from './views-routes.ts';

/** Largest JSON body: 1,000 records of 10 fields with long text fit well inside. */
export const MAX_JSON_BODY = '4mb';

/** REST API v1 (shared/API.md): every route resolves the actor, then checks its base role. */
export function apiRouter(ctx: AppContext): Router {
  const router = Router();
  // Raw-body uploads come before the JSON parser, which would swallow a .json file;
  // the attachment routes authenticate themselves.
  router.use(attachmentsRoutes(ctx));
  router.use(importsRoutes(ctx));
  // Form share links parse small bodies themselves and need no token when public.
  router.use(formsRoutes(ctx));
  router.use(express.json({ limit: MAX_JSON_BODY, strict: true, type: ['application/json', 'application/*+json'] }));
  router.use(authenticate(ctx));
  router.use(authRoutes(ctx));
  router.use(tokensRoutes(ctx));
  router.use(usersRoutes(ctx));
  router.use(basesRoutes(ctx));
  router.use(membersRoutes(ctx));
  router.use(tablesRoutes(ctx));
  router.use(fieldsRoutes(ctx));
  router.use(viewsRoutes(ctx));
  router.use(recordsRoutes(ctx));
  router.use(gridRoutes(ctx));
  router.use(boardsRoutes(ctx));
  router.use(exportsRoutes(ctx));
  router.use((req) => {
    throw new AppError('NOT_FOUND', `no API route ${req.method} ${req.path}`);
  });
  router.use(apiErrorHandler);
  return router;
}
