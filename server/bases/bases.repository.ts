import type { BaseRow, Database } from '../db/index.ts';

export interface MemberBaseRow extends BaseRow {
  role: string;
}

export interface BaseTableRow {
  id: string;
  base_id: string;
  name: string;
}

export function insertBase(db: Database, row: BaseRow): void {
  db.run(db.kysely.insertInto('bases').values(row));
}

export function findBase(db: Database, id: string): BaseRow | undefined {
  return db.first(db.kysely.selectFrom('bases').selectAll().where('id', '=', id));
}

export function findBasesOfUser(db: Database, userId: string): MemberBaseRow[] {
  return db.all(
    db.kysely
      .selectFrom('base_members')
      .innerJoin('bases', 'bases.id', 'base_members.base_id')
      .selectAll('bases')
      .select('base_members.role')
      .where('base_members.user_id', '=', userId)
      .orderBy('bases.created_at')
      .orderBy('bases.id'),
  );
}

export function updateBase(db: Database, id: string, update: { name?: string; time_zone?: string }): void {
  db.run(db.kysely.updateTable('bases').set(update).where('id', '=', id));
}

/** Members, tables, fields and views go with it through ON DELETE CASCADE. */
export function deleteBase(db: Database, id: string): void {
  db.run(db.kysely.deleteFrom('bases').where('id', '=', id));
}

/** Table names for the bases page; the table engine owns everything else about them. */
export function findTablesOfBases(db: Database, baseIds: readonly string[]): BaseTableRow[] {
  if (baseIds.length === 0) return [];
  return db.all(
    db.kysely
      .selectFrom('tables')
      .select(['id', 'base_id', 'name'])
      .where('base_id', 'in', baseIds)
      .orderBy('base_id')
      .orderBy('position')
      .orderBy('id'),
  );
}
