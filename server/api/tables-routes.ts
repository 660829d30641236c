import { Router } from 'express';
import type { AppContext } from '../context.ts';
import {
  createTable, createTableInput, deleteTable, getTable, listTables, updateTableInput, updateTableMeta,
} from '../tables/index.ts';
import { param, parseBody, requireActor } from './request.ts';

export function tablesRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/bases/:baseId/tables', (req, res) => {
    res.json({ tables: listTables(ctx, requireActor(req), param(req, 'baseId')) });
  });

  router.post('/bases/:baseId/tables', (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(createTable(ctx, actor, param(req, 'baseId'), parseBody(createTableInput, req)));
  });

  router.get('/tables/:tableId', (req, res) => {
    res.json(getTable(ctx, requireActor(req), param(req, 'tableId')));
  });

  router.patch('/tables/:tableId', (req, res) => {
    const actor = requireActor(req);
    res.json(updateTableMeta(ctx, actor, param(req, 'tableId'), parseBody(updateTableInput, req)));
  });

  router.delete('/tables/:tableId', (req, res) => {
    const tableId = param(req, 'tableId');
    deleteTable(ctx, requireActor(req), tableId);
    res.json({ id: tableId, deleted: true });
  });

  return router;
}
