import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { TableRow } from '../db/index.ts';
import { roleAtLeast } from '../../core/roles.ts';
import type { Actor, BaseRole, TokenScope } from './actor.ts';

/** What a request wants to do in a base, with the least role and the token scope it needs. */
export const PERMISSIONS = {
  readRecords: { role: 'viewer', scope: 'data.records:read' },
  writeRecords: { role: 'editor', scope: 'data.records:write' },
  readSchema: { role: 'viewer', scope: 'schema.bases:read' },
  writeViews: { role: 'editor', scope: 'schema.bases:write' },
  writePersonalViews: { role: 'viewer', scope: 'schema.bases:write' },
  writeSchema: { role: 'owner', scope: 'schema.bases:write' },
  manageMembers: { role: 'owner', scope: 'schema.bases:write' },
  /** Any member may leave a base; a token needs write scope to do it for them. */
  leaveBase: { role: 'viewer', scope: 'schema.bases:write' },
} as const satisfies Record<string, { role: BaseRole; scope: TokenScope }>;
export type Permission = keyof typeof PERMISSIONS;

export { roleAtLeast };

// Runs on every request: a raw prepared statement, not a query built and compiled each time.
export function getBaseRole(ctx: AppContext, userId: string, baseId: string): BaseRole | undefined {
  const row = ctx.db.prepare('SELECT role FROM base_members WHERE base_id = ? AND user_id = ?').get(baseId, userId) as { role: string } | undefined;
  return row?.role as BaseRole | undefined;
}

/**
 * The one check in front of every base-scoped route. A caller who is not a member (or whose
 * token is not for this base) gets 404, so a stranger cannot learn that the base exists;
 * a member without the role gets 403.
 */
export function requireBaseAccess(ctx: AppContext, actor: Actor, baseId: string, permission: Permission): BaseRole {
  const role = getBaseRole(ctx, actor.userId, baseId);
  if (!role || (actor.baseIds && !actor.baseIds.has(baseId))) throw notFound('base');
  const need = PERMISSIONS[permission];
  if (!actor.scopes.has(need.scope)) {
    throw new AppError('FORBIDDEN', `this token lacks the scope ${need.scope}`);
  }
  if (!roleAtLeast(role, need.role)) {
    throw new AppError('FORBIDDEN', `your role ${role} in this base does not allow this (needs ${need.role})`);
  }
  return role;
}

/** Resolves a table and checks access to its base; unknown and invisible tables are both 404. */
export function requireTableAccess(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  permission: Permission,
): { table: TableRow; role: BaseRole } {
  const table = ctx.db.prepare('SELECT * FROM tables WHERE id = ?').get(tableId) as TableRow | undefined;
  if (!table) throw notFound('table');
  try {
    return { table, role: requireBaseAccess(ctx, actor, table.base_id, permission) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('table');
    throw error;
  }
}

/** Instance administration (accounts, settings) is for admins only. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', 'only an admin can do this');
}

/**
 * Account administration (tokens, accounts, settings, profile) needs a signed-in person:
 * a token acts on data and schema, and must not be able to mint or widen credentials.
 */
export function requireSession(actor: Actor, what: string): void {
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', `an API token cannot ${what}; sign in to do it`);
}

/** A token scope check for requests that are not about one base. */
export function requireScope(actor: Actor, scope: TokenScope): void {
  if (!actor.scopes.has(scope)) throw new AppError('FORBIDDEN', `this token lacks the scope ${scope}`);
}
