import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { applyGridBatch, findRowPosition, MAX_BLOCK, readRows } from '../grid/index.ts';
import { MAX_BATCH } from '../records/index.ts';
import { requireRecordId } from './record-input.ts';
import { param, parseBody, requireActor } from './request.ts';

// `sort=fld1:desc,fld2:asc`: a viewer's own order over the view's rows (they may not save it).
const sortParam = z.string().max(400).transform((text, ctx) => {
  const sorts = text.split(',').filter(Boolean).map((part) => {
    const [field = '', direction = 'asc'] = part.split(':');
    return { field, direction };
  });
  if (sorts.length > 5 || sorts.some((sort) => !sort.field || (sort.direction !== 'asc' && sort.direction !== 'desc'))) {
    ctx.addIssue({ code: 'custom', message: 'sort is field:asc|desc, comma separated, at most 5' });
    return z.NEVER;
  }
  return sorts as Array<{ field: string; direction: 'asc' | 'desc' }>;
});

const rowsQuery = z.object({
  view: z.string().max(100).optional(),
  sort: sortParam.optional(),
  start: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_BLOCK).default(100),
});

const positionQuery = z.object({
  view: z.string().max(100).optional(),
  sort: sortParam.optional(),
  recordId: z.string().max(20),
});

const recordId = z.union([z.string().max(20), z.number()]).transform((id, ctx) => {
  try {
    return requireRecordId(id);
  } catch {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(id)} is not a record id` });
    return z.NEVER;
  }
});

const batchBody = z.object({
  creates: z.array(z.record(z.string().max(64), z.unknown())).max(MAX_BATCH).default([]),
  updates: z.array(z.object({ id: recordId, values: z.record(z.string().max(64), z.unknown()) })).max(MAX_BATCH).default([]),
  deletes: z.array(recordId).max(MAX_BATCH).default([]),
  typecast: z.boolean().default(false),
});

/**
 * The grid's own endpoints, session or token like the rest of the API:
 * - GET  /tables/:tableId/rows?view=&start=&limit=&sort=   one block of the view, and its row count
 * - GET  /tables/:tableId/rows/position?view=&recordId=&sort=   a record's index in an unsorted view
 * - POST /tables/:tableId/rows/batch   bulk creates, edits and deletes as one write-path transaction
 */
export function gridRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tables/:tableId/rows', (req, res) => {
    const query = rowsQuery.parse(req.query);
    res.json(readRows(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, start: query.start, limit: query.limit, sorts: query.sort }));
  });

  router.get('/tables/:tableId/rows/position', (req, res) => {
    const query = positionQuery.parse(req.query);
    const position = findRowPosition(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, recordId: requireRecordId(query.recordId), sorts: query.sort });
    res.json({ position: position ?? null });
  });

  router.post('/tables/:tableId/rows/batch', (req, res) => {
    const actor = requireActor(req);
    res.json(applyGridBatch(ctx, actor, param(req, 'tableId'), parseBody(batchBody, req)));
  });

  return router;
}
