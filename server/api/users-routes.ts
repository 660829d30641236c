import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { createUser, listUsers, newUserInput } from '../auth/index.ts';
import { parseBody, requireActor } from './request.ts';

/** Accounts, for the admin. */
export function usersRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/users', async (req, res) => {
    const actor = requireActor(req);
    res.status(201).json({ user: await createUser(ctx, actor, parseBody(newUserInput, req)) });
  });
  router.get('/users', (req, res) => {
    res.json({ users: listUsers(ctx, requireActor(req)) });
  });
  return router;
}
