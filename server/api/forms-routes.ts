import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { authenticate } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { describeForm, MAX_FORM_BODY_BYTES, openForm, submitForm } from '../forms/index.ts';
import { apiErrorHandler } from './error-handler.ts';
import { getActor, param, parseBody } from './request.ts';

const submission = z.object({ fields: z.record(z.string().max(200), z.unknown()) });

/**
 * Share links of form views (API.md): no token needed for public forms. Mounted ahead of
 * the API's 4 MB JSON parser with a small one of its own, and resolving the actor itself
 * (sign-in forms need it; public ones ignore it).
 */
export function formsRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use('/forms', express.json({ limit: MAX_FORM_BODY_BYTES, strict: true, type: ['application/json', 'application/*+json'] }), authenticate(ctx));

  router.get('/forms/:shareId', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(describeForm(ctx, openForm(ctx, param(req, 'shareId'), getActor(req))));
  });

  router.post('/forms/:shareId', (req, res) => {
    const form = openForm(ctx, param(req, 'shareId'), getActor(req));
    try {
      const result = submitForm(ctx, form, parseBody(submission, req).fields, clientKey(req));
      if (result.ok) {
        res.status(201).json({ id: result.id });
        return;
      }
      const errors = Object.fromEntries(Object.entries(result.errors).map(([key, error]) => [key, error.message]));
      const first = Object.values(errors)[0]!;
      // The API's error envelope, plus `errors` at the top for form scripts (one message per field).
      res.status(422).json({ ...new AppError('INVALID_VALUE', first, { errors }).toJSON(), errors });
    } catch (error) {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') res.setHeader('Retry-After', String(error.details?.retryAfter ?? 60));
      throw error;
    }
  });

  router.use('/forms', apiErrorHandler);
  return router;
}

/** The client's address; behind a trusted proxy Express reads it from X-Forwarded-For. */
function clientKey(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
