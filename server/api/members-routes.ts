import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { addMember, addMemberInput, listMembers, removeMember, updateMember, updateMemberInput } from '../bases/index.ts';
import { param, parseBody, requireActor } from './request.ts';

/** Base members (API.md, Auth): owners manage them; anyone may leave. */
export function membersRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/bases/:baseId/members', (req, res) => {
    res.json({ members: listMembers(ctx, requireActor(req), param(req, 'baseId')) });
  });
  router.post('/bases/:baseId/members', (req, res) => {
    const actor = requireActor(req);
    res.status(201).json(addMember(ctx, actor, param(req, 'baseId'), parseBody(addMemberInput, req)));
  });
  router.patch('/bases/:baseId/members/:userId', (req, res) => {
    const actor = requireActor(req);
    res.json(updateMember(ctx, actor, param(req, 'baseId'), param(req, 'userId'), parseBody(updateMemberInput, req)));
  });
  router.delete('/bases/:baseId/members/:userId', (req, res) => {
    removeMember(ctx, requireActor(req), param(req, 'baseId'), param(req, 'userId'));
    res.status(204).end();
  });
  return router;
}
