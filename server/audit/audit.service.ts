import type { AppContext } from '../context.ts';
import { findAudit, insertAudit } from './audit.repository.ts';

/** Every administrative act we record. Record changes go to record history instead. */
export const AUDIT_ACTIONS = [
  'user.signedUp', 'user.created', 'user.updated',
  'token.created', 'token.deleted',
  'settings.updated',
  'base.created', 'base.updated', 'base.deleted',
  'member.added', 'member.updated', 'member.removed',
  'table.created', 'table.updated', 'table.deleted',
  'field.created', 'field.updated', 'field.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Who did it; null for the system (the admin created from configuration). */
  actorId: string | null;
  action: AuditAction;
  baseId?: string;
  /** The id of what was acted on: a user, a token, a base. */
  target?: string;
  details?: Record<string, unknown>;
}

export interface AuditEvent extends Required<Omit<AuditEntry, 'baseId' | 'target'>> {
  id: number;
  at: string;
  baseId: string | null;
  target: string | null;
}

/**
 * Appends to the audit log. Call it inside the transaction of the act itself, so that an
 * act is never committed without its entry (nor an entry without its act). Never put
 * secrets or password hashes in `details`.
 */
export function recordAudit(ctx: AppContext, entry: AuditEntry): void {
  insertAudit(ctx.db, {
    at: new Date().toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    base_id: entry.baseId ?? null,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
}

/** Newest first; pass the last id seen as `beforeId` for the next page. */
export function listAudit(ctx: AppContext, filter: { baseId?: string; limit?: number; beforeId?: number } = {}): AuditEvent[] {
  const rows = findAudit(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 100, 1), 500) });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action as AuditAction,
    baseId: row.base_id,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
