import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { createField, deleteField, fieldInputSchema, fieldPatchSchema, previewFieldConversion, updateField } from '../tables/index.ts';
import { param, parseBody, requireActor } from './request.ts';

const previewSchema = fieldPatchSchema.pick({ type: true, options: true });

export function fieldsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/tables/:tableId/fields', (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(createField(ctx, actor, param(req, 'tableId'), parseBody(fieldInputSchema, req)));
  });

  // PATCH answers {field, conversion?}: a type change reports what converted and what did not.
  router.patch('/tables/:tableId/fields/:fieldId', (req, res) => {
    const actor = requireActor(req);
    res.json(updateField(ctx, actor, param(req, 'tableId'), param(req, 'fieldId'), parseBody(fieldPatchSchema, req)));
  });

  router.post('/tables/:tableId/fields/:fieldId/preview-conversion', (req, res) => {
    const actor = requireActor(req);
    res.json(previewFieldConversion(ctx, actor, param(req, 'tableId'), param(req, 'fieldId'), parseBody(previewSchema, req)));
  });

  router.delete('/tables/:tableId/fields/:fieldId', (req, res) => {
    const fieldId = param(req, 'fieldId');
    deleteField(ctx, requireActor(req), param(req, 'tableId'), fieldId);
    res.json({ id: fieldId, deleted: true });
  });

  return router;
}
