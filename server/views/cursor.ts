import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

/**
 * The API's `offset` is an opaque cursor around a plain row offset, bound to the query it
 * pages (the scope: table, view, filter, sorts) so that a cursor reused with another query
 * is refused instead of silently returning the wrong rows. The MAC catches edited and
 * truncated cursors; the offset is no secret (anyone may ask for any page), so the key only
 * matters to operators who want cursors unforgeable, and defaults to a fixed one so that
 * cursors survive restarts and work across several server processes.
 */
export interface CursorOptions {
  /** What the cursor pages, e.g. JSON of {tableId, viewId, filter, sorts}. */
  scope?: string;
  secret?: string;
}

const VERSION = 1;
const DEFAULT_SECRET = 'tessera-offset-cursor';
const MAX_CURSOR_LENGTH = 200;

export function encodeCursor(offset: number, options: CursorOptions = {}): string {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new Error(`cannot encode offset ${offset}`);
  const payload = Buffer.from(JSON.stringify({ v: VERSION, o: offset, q: scopeHash(options.scope ?? '') })).toString('base64url');
  return `${payload}.${mac(payload, options.secret)}`;
}

/** The offset a cursor holds; INVALID_REQUEST for anything not issued for this scope. */
export function decodeCursor(cursor: string, options: CursorOptions = {}): number {
  const invalid = (why: string) =>
    new AppError('INVALID_REQUEST', `invalid offset: ${why}; pass back the offset of the previous page unchanged, or omit it to start over`, { offset: cursor.slice(0, MAX_CURSOR_LENGTH) });
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH) throw invalid('not a cursor this server issued');
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0) throw invalid('not a cursor this server issued');
  const expected = Buffer.from(mac(payload, options.secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('the cursor was altered or truncated');
  const state = parsePayload(payload);
  if (!state || state.v !== VERSION || !Number.isSafeInteger(state.o) || state.o < 0) throw invalid('not a cursor this server issued');
  if (state.q !== scopeHash(options.scope ?? '')) throw invalid('it belongs to a different query (the filter, sort or view changed)');
  return state.o;
}

function parsePayload(payload: string): { v: unknown; o: number; q: unknown } | undefined {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // signed but unreadable: treated as not ours
    throw error;
  }
  return typeof state === 'object' && state !== null ? (state as { v: unknown; o: number; q: unknown }) : undefined;
}

function mac(payload: string, secret = DEFAULT_SECRET): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
}

function scopeHash(scope: string): string {
  return createHmac('sha256', 'scope').update(scope).digest('base64url').slice(0, 12);
}
