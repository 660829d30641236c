import { TOKEN_SCOPES, type Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import type { ImportJobRow } from './jobs.repository.ts';
import type { ImportPlan } from './plan.ts';

/** A table an import wrote to: made by it (dropped on undo), or existing with the fields it added. */
export interface TouchedTable {
  id: string;
  name: string;
  isNew: boolean;
  createdFieldIds: string[];
}

export function tablesOf(job: ImportJobRow): TouchedTable[] {
  return JSON.parse(job.tables) as TouchedTable[];
}

export function planOf(job: ImportJobRow): ImportPlan {
  return JSON.parse(job.plan) as ImportPlan;
}

/**
 * The person who started the import, as the actor of its writes and of its undo. A job
 * outlives the request (and the token) that started it, so it acts with the person's role,
 * checked again on every batch: someone removed from the base mid-import stops the import.
 */
export function jobActor(ctx: AppContext, job: ImportJobRow): Actor {
  const user = ctx.db.prepare('SELECT is_admin FROM users WHERE id = ?').get(job.created_by) as { is_admin: number } | undefined;
  return { userId: job.created_by, isAdmin: user?.is_admin === 1, via: 'session', scopes: new Set(TOKEN_SCOPES) };
}
