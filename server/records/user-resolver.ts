import type { AppContext } from '../context.ts';

export interface BaseMember {
  id: string;
  email: string;
  name: string;
}

/**
 * Resolves what a person types or pastes into a user field (an id, an email or a name)
 * to a member of the base. Loaded lazily: most batches have no user fields.
 */
export function resolveUserFor(ctx: AppContext, baseId: string): (input: string) => string | undefined {
  let resolve: ((input: string) => string | undefined) | undefined;
  return (input) => {
    resolve ??= resolveUserAmong(findBaseMembers(ctx, baseId));
    return resolve(input);
  };
}

export function findBaseMembers(ctx: AppContext, baseId: string): BaseMember[] {
  return ctx.db.all(
    ctx.db.kysely
      .selectFrom('base_members')
      .innerJoin('users', 'users.id', 'base_members.user_id')
      .select(['users.id', 'users.email', 'users.name'])
      .where('base_members.base_id', '=', baseId),
  );
}

/** The same resolution over a list of members already read (an import's worker has no database). */
export function resolveUserAmong(members: readonly BaseMember[]): (input: string) => string | undefined {
  return (input) => {
    const needle = input.trim().toLowerCase();
    const match =
      members.find((m) => m.id === input.trim()) ??
      members.find((m) => m.email.toLowerCase() === needle) ??
      members.find((m) => m.name.toLowerCase() === needle);
    return match?.id;
  };
}
