import type { AppContext } from '../../server/context.ts';
import { TOKEN_SCOPES, type BaseRole, type TokenScope } from '../../server/auth/actor.ts';
import { newApiTokenSecret, sha256 } from '../../server/auth/secrets.ts';
import { newId } from '../../server/db/index.ts';
import { ApiClient } from './test-server.ts';

// Rows inserted directly, so tests of one capability do not depend on another's routes.
// The shapes are what server/auth and server/bases write.

export interface SeededUser {
  id: string;
  email: string;
  name: string;
}

/** An account that cannot log in (its password hash verifies nothing); use a token. */
export function createUser(ctx: AppContext, input: { email: string; name: string; isAdmin?: boolean }): SeededUser {
  const id = newId('user');
  ctx.db.run(
    ctx.db.kysely.insertInto('users').values({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      password_hash: '!seeded',
      is_admin: input.isAdmin ? 1 : 0,
      locale: null,
      created_at: new Date().toISOString(),
    }),
  );
  return { id, email: input.email.toLowerCase(), name: input.name };
}

/** A base with `ownerId` as its owner. */
export function createBase(ctx: AppContext, ownerId: string, name: string, timeZone = 'Asia/Shanghai'): string {
  const id = newId('base');
  const at = new Date().toISOString();
  ctx.db.transaction(() => {
    ctx.db.run(ctx.db.kysely.insertInto('bases').values({ id, name, time_zone: timeZone, created_by: ownerId, created_at: at }));
    addMember(ctx, id, ownerId, 'owner');
  });
  return id;
}

export function addMember(ctx: AppContext, baseId: string, userId: string, role: BaseRole): void {
  ctx.db.run(
    ctx.db.kysely
      .insertInto('base_members')
      .values({ base_id: baseId, user_id: userId, role, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['base_id', 'user_id']).doUpdateSet({ role })),
  );
}

/** A personal access token with every scope (or those given); returns the bearer secret. */
export function createToken(
  ctx: AppContext,
  userId: string,
  options: { scopes?: readonly TokenScope[]; baseIds?: readonly string[] } = {},
): string {
  const secret = newApiTokenSecret();
  ctx.db.run(
    ctx.db.kysely.insertInto('api_tokens').values({
      id: newId('token'),
      user_id: userId,
      name: 'test token',
      token_hash: sha256(secret),
      scopes: JSON.stringify(options.scopes ?? TOKEN_SCOPES),
      base_ids: options.baseIds ? JSON.stringify(options.baseIds) : null,
      created_at: new Date().toISOString(),
      last_used_at: null,
    }),
  );
  return secret;
}

export interface TeamMember extends SeededUser {
  /** An API client with this user's token (every scope). */
  api: ApiClient;
}

export interface Team {
  baseId: string;
  owner: TeamMember;
  editor: TeamMember;
  viewer: TeamMember;
  /** A user of the instance who is not a member of the base. */
  stranger: TeamMember;
}

/** A base with an owner, an editor and a viewer, and a stranger, each with a token. */
export function seedTeam(tessera: { ctx: AppContext; url: string }, baseName = 'CRM'): Team {
  const { ctx, url } = tessera;
  const suffix = newId('user', 6).slice(3).toLowerCase();
  const member = (role: string): TeamMember => {
    const user = createUser(ctx, { email: `${role}-${suffix}@example.com`, name: `${role[0]!.toUpperCase()}${role.slice(1)}` });
    return { ...user, api: new ApiClient(url, createToken(ctx, user.id)) };
  };
  const owner = member('owner');
  const baseId = createBase(ctx, owner.id, baseName);
  const editor = member('editor');
  const viewer = member('viewer');
  const stranger = member('stranger');
  addMember(ctx, baseId, editor.id, 'editor');
  addMember(ctx, baseId, viewer.id, 'viewer');
  return { baseId, owner, editor, viewer, stranger };
}
