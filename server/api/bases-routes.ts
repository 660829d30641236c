import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { createBase, createBaseInput, deleteBase, getBase, listBases, updateBase, updateBaseInput } from '../bases/index.ts';
import { param, parseBody, requireActor } from './request.ts';

export function basesRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/bases', (req, res) => {
    res.json({ bases: listBases(ctx, requireActor(req)) });
  });
  router.post('/bases', (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(createBase(ctx, actor, parseBody(createBaseInput, req)));
  });
  router.get('/bases/:baseId', (req, res) => {
    res.json(getBase(ctx, requireActor(req), param(req, 'baseId')));
  });
  router.patch('/bases/:baseId', (req, res) => {
    const actor = requireActor(req);
    res.json(updateBase(ctx, actor, param(req, 'baseId'), parseBody(updateBaseInput, req)));
  });
  router.delete('/bases/:baseId', (req, res) => {
    deleteBase(ctx, requireActor(req), param(req, 'baseId'));
    res.status(204).end();
  });
  return router;
}
