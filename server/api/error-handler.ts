import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** The one place errors become HTTP responses: `{error: {code, message, details?}}`. */
export const apiErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') console.error(error);
  res.status(appError.status).json(appError.toJSON());
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    return new AppError('INVALID_REQUEST', first ? `${first.path || 'body'}: ${first.message}` : 'invalid request', { issues });
  }
  // body-parser marks its errors with a `type`.
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('MALFORMED_JSON', 'request body is not valid JSON');
  if (type === 'entity.too.large') return new AppError('TOO_LARGE', 'request body is too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'request body encoding is not supported');
  }
  return new AppError('INTERNAL', 'internal error');
}
