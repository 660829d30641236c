import type { Request } from 'express';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/** The actor the auth middleware resolved, if any. */
export function getActor(req: Request): Actor | undefined {
  return (req as Request & { actor?: Actor }).actor;
}

export function setActor(req: Request, actor: Actor | undefined): void {
  (req as Request & { actor?: Actor }).actor = actor;
}

/** Throws 401 for anonymous callers. */
export function requireActor(req: Request): Actor {
  const actor = getActor(req);
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in or send an API token');
  return actor;
}

/** Validates a JSON body; a missing body is an empty object so schemas name missing keys. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
    throw new AppError('INVALID_REQUEST', 'request body must be a JSON object');
  }
  return schema.parse(req.body ?? {});
}

/** A path parameter, always a string in Express 5. */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || value === '') throw new AppError('INVALID_REQUEST', `missing ${name}`);
  return value;
}
