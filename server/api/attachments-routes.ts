import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { openAttachment, uploadAttachment } from '../attachments/index.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { param, requireActor } from './request.ts';

/**
 * Mounted before the JSON body parser (see api/index.ts): an upload is the raw request
 * body, `POST /bases/:baseId/attachments?filename=quote.pdf` with the file's Content-Type.
 */
export function attachmentsRoutes(ctx: AppContext): Router {
  const router = Router();
  const auth = authenticate(ctx);

  router.post('/bases/:baseId/attachments', auth, async (req, res) => {
    const length = req.headers['content-length'];
    const filename = typeof req.query.filename === 'string' ? req.query.filename : undefined;
    try {
      const attachment = await uploadAttachment(ctx, requireActor(req), param(req, 'baseId'), {
        body: req,
        contentType: req.headers['content-type'],
        contentLength: length === undefined ? undefined : Number(length),
        filename,
      });
      res.status(201).json(attachment);
    } catch (error) {
      // Refused before the body was read: close rather than read megabytes nobody wants.
      if (!req.readableEnded) res.setHeader('Connection', 'close');
      throw error;
    }
  });

  router.get('/attachments/:hash', auth, async (req, res) => {
    const file = openAttachment(ctx, requireActor(req), param(req, 'hash'));
    const etag = `"${file.row.hash}"`;
    res.set(file.headers);
    // Content-addressed: the bytes behind a hash never change; `private` because access is per user.
    res.set({ 'Cache-Control': 'private, max-age=31536000, immutable', ETag: etag });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.set('Content-Length', String((await fs.promises.stat(file.path)).size));
    try {
      await pipeline(fs.createReadStream(file.path), res);
    } catch (error) {
      // The reader went away mid-download; there is no one left to answer.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  });

  return router;
}
