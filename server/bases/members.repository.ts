import type { Database } from '../db/index.ts';

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  created_at: string;
}

export function findMembers(db: Database, baseId: string): MemberRow[] {
  return db.all(
    db.kysely
      .selectFrom('base_members')
      .innerJoin('users', 'users.id', 'base_members.user_id')
      .select(['base_members.user_id', 'users.email', 'users.name', 'base_members.role', 'base_members.created_at'])
      .where('base_members.base_id', '=', baseId)
      .orderBy('base_members.created_at')
      .orderBy('users.email'),
  );
}

export function findMember(db: Database, baseId: string, userId: string): MemberRow | undefined {
  return db.first(
    db.kysely
      .selectFrom('base_members')
      .innerJoin('users', 'users.id', 'base_members.user_id')
      .select(['base_members.user_id', 'users.email', 'users.name', 'base_members.role', 'base_members.created_at'])
      .where('base_members.base_id', '=', baseId)
      .where('base_members.user_id', '=', userId),
  );
}

export function insertMember(db: Database, row: { base_id: string; user_id: string; role: string; created_at: string }): void {
  db.run(db.kysely.insertInto('base_members').values(row));
}

export function updateMemberRole(db: Database, baseId: string, userId: string, role: string): void {
  db.run(db.kysely.updateTable('base_members').set({ role }).where('base_id', '=', baseId).where('user_id', '=', userId));
}

export function deleteMember(db: Database, baseId: string, userId: string): void {
  db.run(db.kysely.deleteFrom('base_members').where('base_id', '=', baseId).where('user_id', '=', userId));
}

export function countOwners(db: Database, baseId: string): number {
  return (
    db.first(
      db.kysely
        .selectFrom('base_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('base_id', '=', baseId)
        .where('role', '=', 'owner'),
    )?.n ?? 0
  );
}
