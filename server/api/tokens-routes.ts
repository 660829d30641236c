import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { createApiToken, createTokenInput, deleteApiToken, listApiTokens } from '../auth/index.ts';
import { param, parseBody, requireActor } from './request.ts';

/** Personal access tokens; the secret is in the creation response only. */
export function tokensRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/tokens', (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(createApiToken(ctx, actor, parseBody(createTokenInput, req)));
  });
  router.get('/tokens', (req, res) => {
    res.json({ tokens: listApiTokens(ctx, requireActor(req)) });
  });
  router.delete('/tokens/:tokenId', (req, res) => {
    deleteApiToken(ctx, requireActor(req), param(req, 'tokenId'));
    res.status(204).end();
  });
  return router;
}
