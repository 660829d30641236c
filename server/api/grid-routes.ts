import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { applyGridBatch, findRowPosition, MAX_BLOCK, MAX_COLLAPSED, readRows, readSummary } from '../grid/index.ts';
import { MAX_SEARCH_LENGTH, searchIndexesOf } from '../search/index.ts';
import { SUMMARY_AGGREGATES, type SummaryAggregate } from '../../core/views/summary.ts';
import { MAX_BATCH } from '../records/index.ts';
import { recordIdInput, requireRecordId } from './record-input.ts';
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

// The search box's text: a case-insensitive substring of the view's visible text fields.
const searchParam = z.string().max(MAX_SEARCH_LENGTH, `search is at most ${MAX_SEARCH_LENGTH} characters`);

// `collapsed=id,id`: the grouped view's groups this person collapsed (their ids from the header rows).
const collapsedParam = z.string().max(MAX_COLLAPSED * 13).transform((text, ctx) => {
  const ids = text.split(',').filter(Boolean);
  if (ids.length > MAX_COLLAPSED || ids.some((id) => !/^[A-Za-z0-9_-]{1,20}$/.test(id))) {
    ctx.addIssue({ code: 'custom', message: `collapsed is at most ${MAX_COLLAPSED} group ids, comma separated` });
    return z.NEVER;
  }
  return ids;
});

// `summaries=fld1:sum,fld2:count`: the aggregates the grid shows (aggregates that do not fit are skipped).
const summariesParam = z.string().max(20_000).transform((text, ctx) => {
  const entries = text.split(',').filter(Boolean).map((part) => part.split(':'));
  if (entries.length > 500 || entries.some(([field, aggregate]) => !field || !(SUMMARY_AGGREGATES as readonly string[]).includes(aggregate ?? ''))) {
    ctx.addIssue({ code: 'custom', message: `summaries is field:aggregate, comma separated, aggregate one of ${SUMMARY_AGGREGATES.join(', ')}` });
    return z.NEVER;
  }
  return Object.fromEntries(entries) as Record<string, SummaryAggregate>;
});

const viewQuery = z.object({
  view: z.string().max(100).optional(),
  sort: sortParam.optional(),
  search: searchParam.optional(),
});

const rowsQuery = viewQuery.extend({
  collapsed: collapsedParam.optional(),
  start: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_BLOCK).default(100),
});

const positionQuery = viewQuery.extend({
  recordId: z.string().max(20),
});

const batchBody = z.object({
  creates: z.array(z.record(z.string().max(64), z.unknown())).max(MAX_BATCH).default([]),
  updates: z.array(z.object({ id: recordIdInput, values: z.record(z.string().max(64), z.unknown()) })).max(MAX_BATCH).default([]),
  deletes: z.array(recordIdInput).max(MAX_BATCH).default([]),
  typecast: z.boolean().default(false),
});

/**
 * The grid's own endpoints, session or token like the rest of the API:
 * - GET  /tables/:tableId/rows?view=&start=&limit=&sort=&search=&collapsed=   one block of the view
 *   (group header rows included when it is grouped), its row and record counts
 * - GET  /tables/:tableId/summary?view=&search=&summaries=   the summary bar: each field's chosen aggregate
 * - GET  /tables/:tableId/rows/position?view=&recordId=&sort=   a record's index in an unsorted view
 * - POST /tables/:tableId/rows/batch   bulk creates, edits and deletes as one write-path transaction
 */
export function gridRoutes(ctx: AppContext): Router {
  const router = Router();
  // Registered at start-up: a search index built before a restart must follow every write.
  searchIndexesOf(ctx);

  router.get('/tables/:tableId/rows', (req, res) => {
    const query = rowsQuery.parse(req.query);
    res.json(readRows(ctx, requireActor(req), param(req, 'tableId'), {
      viewId: query.view, start: query.start, limit: query.limit, sorts: query.sort, search: query.search, collapsed: query.collapsed,
    }));
  });

  router.get('/tables/:tableId/summary', (req, res) => {
    const query = viewQuery.extend({ summaries: summariesParam.optional() }).parse(req.query);
    res.json(readSummary(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, sorts: query.sort, search: query.search, summaries: query.summaries }));
  });

  router.get('/tables/:tableId/rows/position', (req, res) => {
    const query = positionQuery.parse(req.query);
    const position = findRowPosition(ctx, requireActor(req), param(req, 'tableId'), {
      viewId: query.view, recordId: requireRecordId(query.recordId), sorts: query.sort, search: query.search,
    });
    res.json({ position: position ?? null });
  });

  router.post('/tables/:tableId/rows/batch', (req, res) => {
    const actor = requireActor(req);
    res.json(applyGridBatch(ctx, actor, param(req, 'tableId'), parseBody(batchBody, req)));
  });

  return router;
}
