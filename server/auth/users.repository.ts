import type { Database, NewUser, UserRow, UserUpdate } from '../db/index.ts';

export function findUserById(db: Database, id: string): UserRow | undefined {
  return db.first(db.kysely.selectFrom('users').selectAll().where('id', '=', id));
}

/** Emails are stored lower-cased, so this is an exact, indexed match. */
export function findUserByEmail(db: Database, email: string): UserRow | undefined {
  return db.first(db.kysely.selectFrom('users').selectAll().where('email', '=', email));
}

export function countUsers(db: Database): number {
  return db.first(db.kysely.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
}

export function listUsers(db: Database): UserRow[] {
  return db.all(db.kysely.selectFrom('users').selectAll().orderBy('created_at').orderBy('id'));
}

export function insertUser(db: Database, user: NewUser): void {
  db.run(db.kysely.insertInto('users').values(user));
}

export function updateUser(db: Database, id: string, update: UserUpdate): void {
  db.run(db.kysely.updateTable('users').set(update).where('id', '=', id));
}
