import type { RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import { setActor } from '../api/request.ts';
import { AppError } from '../errors.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { resolveSessionActor } from './sessions.service.ts';
import { resolveTokenActor } from './tokens.service.ts';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Resolves `Authorization: Bearer` or the session cookie into the request's actor. It runs
 * on every request, so each path is one indexed lookup. A request that sends an
 * Authorization header is judged by it alone: a bad token is 401 even next to a valid
 * cookie, so a script never silently acts as whoever is signed in to the browser.
 */
export function authenticate(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      const actor = secret ? resolveTokenActor(ctx, secret) : undefined;
      if (!actor) {
        next(new AppError('UNAUTHENTICATED', secret ? 'the API token is invalid or revoked' : 'use "Authorization: Bearer <token>"'));
        return;
      }
      setActor(req, actor);
      next();
      return;
    }
    const session = readCookie(req.headers.cookie, SESSION_COOKIE);
    setActor(req, session ? resolveSessionActor(ctx, session) : undefined);
    next();
  };
}
