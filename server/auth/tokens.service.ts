import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { newId } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { TOKEN_SCOPES, type Actor, type TokenScope } from './actor.ts';
import { getBaseRole, requireSession } from './permissions.ts';
import { newApiTokenSecret, sha256, TOKEN_PREFIX } from './secrets.ts';
import { deleteToken, findToken, findTokenActor, insertToken, listTokens, touchToken, type TokenRow } from './tokens.repository.ts';

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, 'name the token').max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).optional(),
  /** Omitted or null: every base the user is (or becomes) a member of. */
  baseIds: z.array(z.string().min(1).max(64)).min(1).max(100).nullable().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: TokenScope[];
  baseIds: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** How stale `last_used_at` may be: writing it on every request would cost a write per read. */
const TOUCH_EVERY_MS = 60_000;

function toInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    baseIds: row.base_ids === null ? null : (JSON.parse(row.base_ids) as string[]),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Mints a token; the secret is returned here once and stored only as its hash. */
export function createApiToken(ctx: AppContext, actor: Actor, input: CreateTokenInput): ApiTokenInfo & { token: string } {
  requireSession(actor, 'create tokens');
  const scopes = TOKEN_SCOPES.filter((scope) => (input.scopes ?? TOKEN_SCOPES).includes(scope));
  const baseIds = input.baseIds ? [...new Set(input.baseIds)] : null;
  // Same answer whether a base does not exist or is someone else's.
  const foreign = baseIds?.filter((baseId) => !getBaseRole(ctx, actor.userId, baseId));
  if (foreign && foreign.length > 0) {
    throw new AppError('INVALID_REQUEST', `you are not a member of base ${foreign[0]}`, { field: 'baseIds', baseIds: foreign });
  }
  const secret = newApiTokenSecret();
  const row: TokenRow = {
    id: newId('token'), user_id: actor.userId, name: input.name,
    scopes: JSON.stringify(scopes), base_ids: baseIds ? JSON.stringify(baseIds) : null,
    created_at: new Date().toISOString(), last_used_at: null,
  };
  ctx.db.transaction(() => {
    insertToken(ctx.db, { ...row, token_hash: sha256(secret) });
    recordAudit(ctx, { actorId: actor.userId, action: 'token.created', target: row.id, details: { name: row.name, scopes, baseIds } });
  });
  return { ...toInfo(row), token: secret };
}

export function listApiTokens(ctx: AppContext, actor: Actor): ApiTokenInfo[] {
  requireSession(actor, 'list tokens');
  return listTokens(ctx.db, actor.userId).map(toInfo);
}

export function deleteApiToken(ctx: AppContext, actor: Actor, tokenId: string): void {
  requireSession(actor, 'revoke tokens');
  ctx.db.transaction(() => {
    const row = findToken(ctx.db, actor.userId, tokenId);
    if (!row) throw notFound('token');
    deleteToken(ctx.db, tokenId);
    recordAudit(ctx, { actorId: actor.userId, action: 'token.deleted', target: tokenId, details: { name: row.name } });
    ctx.db.afterCommit(() => ctx.events.emit('access', { userId: actor.userId, baseId: null, reason: 'credentials-revoked' }));
  });
}

/** Resolves a bearer secret; undefined for anything we did not issue or have revoked. */
export function resolveTokenActor(ctx: AppContext, secret: string): Actor | undefined {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const row = findTokenActor(ctx.db, sha256(secret));
  if (!row) return undefined;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
    touchToken(ctx.db, row.id, new Date(now).toISOString());
  }
  return {
    userId: row.user_id,
    isAdmin: row.is_admin === 1,
    via: 'token',
    scopes: new Set(JSON.parse(row.scopes) as TokenScope[]),
    baseIds: row.base_ids === null ? undefined : new Set(JSON.parse(row.base_ids) as string[]),
  };
}
