import type { Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/index.ts';

export type AuditRow = Selectable<AuditLogTable>;

export function insertAudit(db: Database, row: Omit<AuditRow, 'id'>): void {
  db.run(db.kysely.insertInto('audit_log').values(row));
}

export function findAudit(db: Database, filter: { baseId?: string; limit: number; beforeId?: number }): AuditRow[] {
  let query = db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.baseId) query = query.where('base_id', '=', filter.baseId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return db.all(query);
}
