import { Router } from 'express';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { createView, deleteView, listViews, requireView, toViewJson, updateView } from '../views/views.service.ts';
import { viewInputSchema, viewPatchSchema } from '../../core/views/view-config.ts';
import { param, parseBody, requireActor } from './request.ts';

export function viewsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tables/:tableId/views', (req, res) => {
    const actor = requireActor(req);
    const { table } = requireTableAccess(ctx, actor, param(req, 'tableId'), 'readSchema');
    res.json({ views: listViews(ctx, actor.userId, table.id) });
  });

  router.post('/tables/:tableId/views', (req, res) => {
    const actor = requireActor(req);
    const tableId = param(req, 'tableId');
    requireTableAccess(ctx, actor, tableId, 'readSchema');
    res.json(createView(ctx, actor, tableId, parseBody(viewInputSchema, req)));
  });

  router.get('/tables/:tableId/views/:viewId', (req, res) => {
    const actor = requireActor(req);
    const { row } = requireView(ctx, actor, param(req, 'viewId'), 'readSchema', param(req, 'tableId'));
    res.json(toViewJson(row));
  });

  router.patch('/tables/:tableId/views/:viewId', (req, res) => {
    const actor = requireActor(req);
    requireView(ctx, actor, param(req, 'viewId'), 'readSchema', param(req, 'tableId'));
    res.json(updateView(ctx, actor, param(req, 'viewId'), parseBody(viewPatchSchema, req)));
  });

  router.delete('/tables/:tableId/views/:viewId', (req, res) => {
    const actor = requireActor(req);
    requireView(ctx, actor, param(req, 'viewId'), 'readSchema', param(req, 'tableId'));
    deleteView(ctx, actor, param(req, 'viewId'));
    res.json({ id: param(req, 'viewId'), deleted: true });
  });

  return router;
}
