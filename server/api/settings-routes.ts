import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { getSettings, updateSettings, updateSettingsInput } from '../auth/index.ts';
import { parseBody, requireActor } from './request.ts';

/** Instance settings. Mounted by authRoutes, so server/api/index.ts needs no change. */
export function settingsRoutes(ctx: AppContext): Router {
  const router = Router();
  // Readable by anyone: the sign-up page needs it, and an attempt would tell the same.
  router.get('/settings', (_req, res) => {
    res.json(getSettings(ctx));
  });
  router.patch('/settings', (req, res) => {
    res.json(updateSettings(ctx, requireActor(req), parseBody(updateSettingsInput, req)));
  });
  return router;
}
