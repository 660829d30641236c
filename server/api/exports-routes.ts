import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { attachmentDisposition, exportTable } from '../exports/index.ts';
import { param, requireActor } from './request.ts';

export function exportsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tables/:tableId/export', async (req, res) => {
    const file = exportTable(ctx, requireActor(req), param(req, 'tableId'), req.query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline(file.body, res);
    } catch (error) {
      // The reader went away mid-download; there is no one left to answer.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  });

  return router;
}
