import type { AppContext } from '../context.ts';
import { requireSafeId } from '../db/index.ts';

/**
 * TODO(tables): the table engine owns the SQL tables of a base and will export
 * `dropBaseTables(ctx, baseId)` from `server/tables/index.ts`. When it lands, replace the body
 * of this module with a re-export of it:
 *
 *   export { dropBaseTables } from '../tables/index.ts';
 *
 * Until then this stand-in drops each `t_<tableId>` and the history and outbox rows of those
 * tables, so deleting a base never leaves customer data behind. It runs inside the caller's
 * transaction; the meta rows (tables, fields, views) go with the base by ON DELETE CASCADE.
 */
export function dropBaseTables(ctx: AppContext, baseId: string): void {
  const tables = ctx.db.all(ctx.db.kysely.selectFrom('tables').select('id').where('base_id', '=', baseId));
  if (tables.length === 0) return;
  const ids = tables.map((table) => table.id);
  for (const id of ids) ctx.db.sqlite.exec(`DROP TABLE IF EXISTS "t_${requireSafeId(id)}"`);
  ctx.db.run(ctx.db.kysely.deleteFrom('record_history').where('table_id', 'in', ids));
  ctx.db.run(ctx.db.kysely.deleteFrom('outbox').where('table_id', 'in', ids));
  // Prepared statements on dropped tables are dead; let them be rebuilt on next use.
  ctx.db.forgetStatements();
}
