import type { Database } from '../db/index.ts';

export interface SessionActorRow {
  user_id: string;
  expires_at: string;
  is_admin: number;
}

export function insertSession(db: Database, row: { id_hash: string; user_id: string; created_at: string; expires_at: string }): void {
  db.run(db.kysely.insertInto('sessions').values(row));
}

/** The hot path of every cookie request: one primary-key lookup joined to its user. */
export function findSessionActor(db: Database, idHash: string): SessionActorRow | undefined {
  return db.first(
    db.kysely
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.user_id', 'sessions.expires_at', 'users.is_admin'])
      .where('sessions.id_hash', '=', idHash),
  );
}

export function deleteSession(db: Database, idHash: string): void {
  db.run(db.kysely.deleteFrom('sessions').where('id_hash', '=', idHash));
}

export function deleteExpiredSessions(db: Database, now: string): number {
  return db.run(db.kysely.deleteFrom('sessions').where('expires_at', '<=', now)).changes;
}

export function deleteSessionsOfUser(db: Database, userId: string): void {
  db.run(db.kysely.deleteFrom('sessions').where('user_id', '=', userId));
}

/** Whose sessions have expired by `now` (ISO time), each user once. */
export function findExpiredSessionUsers(db: Database, now: string): string[] {
  return db.all(db.kysely.selectFrom('sessions').select('user_id').distinct().where('expires_at', '<=', now)).map((row) => row.user_id);
}

