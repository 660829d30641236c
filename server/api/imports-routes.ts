import type { Request, Response } from 'express';
import { Router } from 'express';
import Papa from 'papaparse';
import { authenticate } from '../auth/authenticate.ts';
import { requireBaseAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { neutralize } from '../exports/index.ts';
import { cancelImport, createImport, getImport, importErrors, previewImport, receiveUpload, recoverImports, type Upload } from '../imports/index.ts';
import { attachmentDisposition } from '../exports/index.ts';
import { param, requireActor } from './request.ts';

/**
 * Import uploads are multipart bodies streamed to disk, so these routes are mounted before
 * the JSON body parser (see api/index.ts) and authenticate themselves. Building the router
 * is also start-up time for imports: jobs a previous process left unfinished are undone.
 */
export function importsRoutes(ctx: AppContext): Router {
  recoverImports(ctx);
  const router = Router();
  const auth = authenticate(ctx);

  const upload = async (req: Request, res: Response): Promise<{ upload: Upload; baseId: string }> => {
    const baseId = param(req, 'baseId');
    try {
      // Checked before a byte of the body is read: a stranger cannot make us store a gigabyte.
      requireBaseAccess(ctx, requireActor(req), baseId, 'writeRecords');
      return { upload: await receiveUpload(req, ctx.config.dataDir), baseId };
    } catch (error) {
      // Refused before the body was read: close rather than read what nobody wants.
      if (!req.readableEnded) res.setHeader('Connection', 'close');
      throw error;
    }
  };

  router.post('/bases/:baseId/imports/preview', auth, async (req, res) => {
    const { upload: file, baseId } = await upload(req, res);
    res.json(await previewImport(ctx, requireActor(req), baseId, file));
  });

  router.post('/bases/:baseId/imports', auth, async (req, res) => {
    const { upload: file, baseId } = await upload(req, res);
    res.status(202).json(await createImport(ctx, requireActor(req), baseId, file));
  });

  router.get('/imports/:importId', auth, (req, res) => {
    const offset = req.query.errorsOffset === undefined ? 0 : Number(req.query.errorsOffset);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError('INVALID_REQUEST', 'errorsOffset must be a whole number ≥ 0');
    res.json(getImport(ctx, requireActor(req), param(req, 'importId'), offset));
  });

  router.post('/imports/:importId/cancel', auth, (req, res) => {
    res.status(202).json(cancelImport(ctx, requireActor(req), param(req, 'importId')));
  });

  router.get('/imports/:importId/errors.csv', auth, (req, res) => {
    const id = param(req, 'importId');
    const pages = importErrors(ctx, requireActor(req), id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachmentDisposition(`import-${id}-errors.csv`));
    // BOM: the report is opened in Excel, and the values are Chinese.
    let body = `\uFEFF${Papa.unparse([['sheet', 'row', 'column', 'value', 'reason']], { newline: '\r\n' })}\r\n`;
    for (const page of pages) {
      const rows = page.map((e) => [e.sheet ?? '', String(e.row), neutralize(e.column), neutralize(e.value), neutralize(e.reason)]);
      body += `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
    }
    res.send(body);
  });

  return router;
}
