import { Router } from 'express';
import type { AppContext } from '../context.ts';

export function recordsRoutes(_ctx: AppContext): Router {
  const router = Router();
  return router;
}
