import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { AppContext } from '../../server/context.ts';
import type { AccessChanged } from '../../server/events/index.ts';
import { CLOSE_CODES, parseDocName, type TableMessage } from '../protocol.ts';
import { authorizeDocument, CollabRefusal, resolveSocketActor, type SocketContext } from './socket-auth.ts';

/**
 * Makes an access change take effect on open connections (decision 0014). Every connection
 * of the user to the documents concerned (the base's table channels and record docs, or
 * all of them when credentials were revoked) is authorized again, as if it opened now:
 * - refused because its session or token is gone: closed with `signed-out`;
 * - refused otherwise (no longer a member, a token no longer for the base): closed with
 *   `access-revoked`. Closing removes it from the document, so nothing more reaches it;
 * - allowed: a record doc's read-only flag follows the new role (a demoted editor's next
 *   update is dropped by Hocuspocus before the doc sees it; a promoted viewer may write),
 *   and a table channel is told to reload what the person may do.
 */
export function followAccessChange(ctx: AppContext, hocuspocus: Hocuspocus, event: AccessChanged): void {
  const tables = event.baseId === null ? undefined : tableIdsOfBase(ctx, event.baseId);
  for (const document of hocuspocus.documents.values()) {
    const doc = parseDocName(document.name);
    if (!doc || (tables && !tables.has(doc.tableId))) continue;
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<SocketContext> | undefined;
      if (context?.actor?.userId === event.userId && context.credentials) recheck(ctx, connection, context as SocketContext, event);
    }
  }
}

function recheck(ctx: AppContext, connection: Connection, context: SocketContext, event: AccessChanged): void {
  const { token, headers } = context.credentials;
  let verdict: ReturnType<typeof authorizeDocument>;
  try {
    verdict = authorizeDocument(ctx, { documentName: connection.document.name, token, headers });
  } catch (error) {
    // Anything but a refusal is a failure of ours; the safe side is still to close.
    if (!(error instanceof CollabRefusal)) console.error(`collab: re-checking access to ${connection.document.name} failed; closing it`, error);
    connection.close(resolveSocketActor(ctx, token, headers) ? CLOSE_CODES.accessRevoked : CLOSE_CODES.signedOut);
    return;
  }
  context.actor = verdict.context.actor;
  if (context.doc.kind === 'record') connection.readOnly = verdict.readOnly;
  else if (event.reason === 'role-changed' && event.baseId) {
    const message: TableMessage = { type: 'schema', kind: 'access', action: 'updated', id: event.baseId };
    connection.sendStateless(JSON.stringify(message));
  }
}

function tableIdsOfBase(ctx: AppContext, baseId: string): Set<string> {
  return new Set(ctx.db.all(ctx.db.kysely.selectFrom('tables').select('id').where('base_id', '=', baseId)).map((row) => row.id));
}
