import { Router, type Response } from 'express';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  changePassword, changePasswordInput, clearSessionCookie, createSession, logIn, loginInput, logOut, newUserInput, readCookie, requireUser,
  sessionCookie, SESSION_COOKIE, signUp, updateMe, updateMeInput, type NewSession,
} from '../auth/index.ts';
import { parseBody, requireActor } from './request.ts';
import { settingsRoutes } from './settings-routes.ts';

/** Sign-up, sign-in and the signed-in person's own account (API.md, Auth). */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const setSession = (res: Response, session: NewSession) =>
    res.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.config.secureCookies));

  router.post('/auth/signup', async (req, res) => {
    const user = await signUp(ctx, parseBody(newUserInput, req));
    setSession(res, createSession(ctx, user.id));
    res.status(201).json({ user });
  });

  router.post('/auth/login', async (req, res) => {
    try {
      const { user, session } = await logIn(ctx, parseBody(loginInput, req), req.ip);
      setSession(res, session);
      res.json({ user });
    } catch (error) {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') res.setHeader('Retry-After', String(error.details?.retryAfterSeconds ?? 60));
      throw error;
    }
  });

  // Idempotent and open to anyone: signing out twice, or with an expired cookie, is fine.
  router.post('/auth/logout', (req, res) => {
    logOut(ctx, readCookie(req.headers.cookie, SESSION_COOKIE));
    res.append('Set-Cookie', clearSessionCookie(ctx.config.secureCookies));
    res.status(204).end();
  });

  router.get('/auth/me', (req, res) => {
    const actor = requireActor(req);
    res.json({
      user: requireUser(ctx, actor.userId),
      auth: { via: actor.via, scopes: [...actor.scopes], baseIds: actor.baseIds ? [...actor.baseIds] : null },
    });
  });

  router.patch('/auth/me', (req, res) => {
    res.json({ user: updateMe(ctx, requireActor(req), parseBody(updateMeInput, req)) });
  });

  // Every session of the account ends; this response carries the caller's new one.
  router.post('/auth/password', async (req, res) => {
    const actor = requireActor(req);
    await changePassword(ctx, actor, parseBody(changePasswordInput, req));
    setSession(res, createSession(ctx, actor.userId));
    res.status(204).end();
  });

  router.use(settingsRoutes(ctx));
  return router;
}
