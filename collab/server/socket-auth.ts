import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../server/auth/actor.ts';
import { readCookie, SESSION_COOKIE } from '../../server/auth/cookies.ts';
import { requireTableAccess } from '../../server/auth/permissions.ts';
import { resolveSessionActor } from '../../server/auth/sessions.service.ts';
import { resolveTokenActor } from '../../server/auth/tokens.service.ts';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import { findRow } from '../../server/records/index.ts';
import { loadTableSchema, type TableSchema } from '../../server/tables/table-schema.ts';
import { CLOSE_CODES, parseDocName, type DocName } from '../protocol.ts';

/** What a connection to one document carries in its Hocuspocus context. */
export interface SocketContext {
  actor: Actor;
  doc: DocName;
  /** What the connection signed in with, kept to re-check it when access changes (live-access.ts). */
  credentials: { token: string; headers: IncomingHttpHeaders };
}

/**
 * Every refusal looks the same to the client (unknown name, not a member, no such record),
 * so the socket leaks nothing. The message is empty on purpose: Hocuspocus logs hook errors
 * that have one, and a client must not be able to fill the server's log.
 */
export class CollabRefusal extends Error {
  readonly code: number = CLOSE_CODES.forbidden.code;
  readonly reason: string = CLOSE_CODES.forbidden.reason;
  constructor() {
    super('');
    this.name = 'CollabRefusal';
  }
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The same resolution as HTTP (server/auth/authenticate.ts): the provider's `token` (an API
 * token), else `Authorization: Bearer` (judged alone, as on HTTP), else the session cookie.
 * A cookie only counts when the upgrade comes from our own origin, so another site cannot
 * open a socket with a visitor's session.
 */
export function resolveSocketActor(ctx: AppContext, token: string, headers: IncomingHttpHeaders): Actor | undefined {
  if (token) return resolveTokenActor(ctx, token);
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const secret = BEARER.exec(authorization)?.[1];
    return secret ? resolveTokenActor(ctx, secret) : undefined;
  }
  const session = readCookie(headers.cookie, SESSION_COOKIE);
  if (!session || !sameOrigin(headers)) return undefined;
  return resolveSessionActor(ctx, session);
}

function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true; // not a browser: no ambient cookie to abuse
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false; // an Origin we cannot parse is not ours
  }
}

/**
 * The per-document check behind `onAuthenticate`: who, which document, may they read it,
 * may they write it. Throws CollabRefusal for anything not allowed.
 */
export function authorizeDocument(
  ctx: AppContext,
  input: { documentName: string; token: string; headers: IncomingHttpHeaders },
): { context: SocketContext; readOnly: boolean } {
  const doc = parseDocName(input.documentName);
  const actor = doc && resolveSocketActor(ctx, input.token, input.headers);
  if (!doc || !actor) throw new CollabRefusal();
  refuseAppErrors(() => requireTableAccess(ctx, actor, doc.tableId, 'readRecords'));
  const context: SocketContext = { actor, doc, credentials: { token: input.token, headers: input.headers } };
  // Table channels carry presence and server messages only: nobody writes their content.
  if (doc.kind === 'table') return { context, readOnly: true };
  const schema = loadTableSchema(ctx, doc.tableId);
  if (!findRow(ctx.db, schema, doc.recordId) || !mayReadWholeRecord(actor, schema)) throw new CollabRefusal();
  return { context, readOnly: !mayWrite(ctx, actor, doc.tableId) };
}

/**
 * ARCHITECTURE §8: a Yjs doc cannot hide part of itself, so a record doc is served only to
 * users who may read every field in it. There are no field or row permissions yet; when
 * they come, this is where a user with hidden fields is sent to the batch path instead.
 */
function mayReadWholeRecord(_actor: Actor, _schema: TableSchema): boolean {
  return true;
}

function mayWrite(ctx: AppContext, actor: Actor, tableId: string): boolean {
  try {
    requireTableAccess(ctx, actor, tableId, 'writeRecords');
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return false; // a viewer: read-only
    throw error;
  }
}

function refuseAppErrors(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    // NOT_FOUND and FORBIDDEN alike: the client learns only "forbidden".
    if (error instanceof AppError) throw new CollabRefusal();
    throw error;
  }
}
