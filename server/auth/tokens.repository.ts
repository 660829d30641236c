import type { Database } from '../db/index.ts';

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  scopes: string;
  base_ids: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface TokenActorRow {
  id: string;
  user_id: string;
  scopes: string;
  base_ids: string | null;
  last_used_at: string | null;
  is_admin: number;
}

export function insertToken(db: Database, row: TokenRow & { token_hash: string }): void {
  db.run(db.kysely.insertInto('api_tokens').values(row));
}

/** The hot path of every bearer request: one unique-index lookup joined to its user. */
export function findTokenActor(db: Database, tokenHash: string): TokenActorRow | undefined {
  return db.first(
    db.kysely
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.scopes', 'api_tokens.base_ids', 'api_tokens.last_used_at', 'users.is_admin'])
      .where('api_tokens.token_hash', '=', tokenHash),
  );
}

export function touchToken(db: Database, id: string, at: string): void {
  db.run(db.kysely.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id));
}

export function listTokens(db: Database, userId: string): TokenRow[] {
  return db.all(
    db.kysely
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'scopes', 'base_ids', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id'),
  );
}

export function findToken(db: Database, userId: string, id: string): TokenRow | undefined {
  return db.first(
    db.kysely
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'scopes', 'base_ids', 'created_at', 'last_used_at'])
      .where('id', '=', id)
      .where('user_id', '=', userId),
  );
}

export function deleteToken(db: Database, id: string): void {
  db.run(db.kysely.deleteFrom('api_tokens').where('id', '=', id));
}
