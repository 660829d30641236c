import { data } from 'react-router';
import { z } from 'zod';
import { AppError } from '../server/errors.ts';
import type { ErrorKey } from './i18n/resources/en.ts';

export type { ErrorKey };

/** Loaders: a domain error becomes the HTTP response the error boundary renders. */
export function throwAsResponse(error: unknown): never {
  if (error instanceof AppError) throw data({ code: error.code }, { status: error.status });
  throw error;
}

/** The message for a domain error a form cannot fix field by field. */
export function errorKeyOf(error: AppError): ErrorKey {
  switch (error.code) {
    case 'RATE_LIMITED': return 'rateLimited';
    case 'UNAUTHENTICATED': return 'invalidCredentials';
    case 'FORBIDDEN': return 'forbidden';
    default: return 'generic';
  }
}

/** Field errors from a failed zod parse, as message keys (the first issue per field wins). */
export function fieldErrorKeys(error: z.ZodError): Record<string, ErrorKey> {
  const out: Record<string, ErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    if (field === 'email') out[field] = 'invalidEmail';
    else if (issue.code === 'too_small') out[field] = field === 'password' ? 'passwordTooShort' : 'required';
    else if (issue.code === 'too_big') out[field] = field === 'password' ? 'passwordTooLong' : 'tooLong';
    else out[field] = 'generic';
  }
  return out;
}
