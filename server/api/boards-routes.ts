import { Router } from 'express';
import { z } from 'zod';
import { MAX_CALENDAR_RECORDS, MAX_CARDS_PAGE, moveCard, readCalendar, readStackCards, readStacks } from '../boards/index.ts';
import type { AppContext } from '../context.ts';
import { recordIdInput } from './record-input.ts';
import { param, parseBody, requireActor } from './request.ts';

const viewParam = z.string().min(1).max(100);

const stacksQuery = z.object({
  view: viewParam,
  cards: z.coerce.number().int().min(0).max(MAX_CARDS_PAGE).default(0),
});

const cardsQuery = z.object({
  view: viewParam,
  start: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CARDS_PAGE).default(50),
});

const calendarQuery = z.object({
  view: viewParam,
  from: z.string().max(10),
  to: z.string().max(10),
  limit: z.coerce.number().int().min(1).max(MAX_CALENDAR_RECORDS).default(2000),
});

const moveBody = z.object({
  view: viewParam,
  recordId: recordIdInput,
  toStack: z.string().min(1).max(1500),
  afterId: recordIdInput.nullable().optional(),
});

/**
 * Kanban and calendar reads over a view (gallery pages with GET …/rows like the grid):
 * - GET  /tables/:tableId/stacks?view=&cards=   stacks with counts and sums (+ first cards)
 * - GET  /tables/:tableId/stacks/:stackKey/cards?view=&start=&limit=   a page of one stack
 * - POST /tables/:tableId/stacks/move {view, recordId, toStack, afterId?}   drag a card
 * - GET  /tables/:tableId/calendar?view=&from=&to=   records dated in [from, to)
 */
export function boardsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tables/:tableId/stacks', (req, res) => {
    const query = stacksQuery.parse(req.query);
    res.json(readStacks(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, cards: query.cards }));
  });

  router.get('/tables/:tableId/stacks/:stackKey/cards', (req, res) => {
    const query = cardsQuery.parse(req.query);
    res.json(readStackCards(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, stack: param(req, 'stackKey'), start: query.start, limit: query.limit }));
  });

  router.post('/tables/:tableId/stacks/move', (req, res) => {
    const body = parseBody(moveBody, req);
    res.json(moveCard(ctx, requireActor(req), param(req, 'tableId'), {
      viewId: body.view, recordId: body.recordId, toStack: body.toStack, afterId: body.afterId,
    }));
  });

  router.get('/tables/:tableId/calendar', (req, res) => {
    const query = calendarQuery.parse(req.query);
    res.json(readCalendar(ctx, requireActor(req), param(req, 'tableId'), { viewId: query.view, from: query.from, to: query.to, limit: query.limit }));
  });

  return router;
}
