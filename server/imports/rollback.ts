import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { writeRecords, MAX_BATCH } from '../records/index.ts';
import { deleteField, deleteTable, loadTableSchema } from '../tables/index.ts';
import type { TouchedTable } from './job-state.ts';
import { deleteUndo, findUndo } from './jobs.repository.ts';

/**
 * Puts every table an import touched back as it was, through the same doors as any change:
 * a table the import made is deleted; in an existing table the overwritten values are
 * written back and the created records deleted (both through writeRecords, newest first),
 * then the fields the import added are deleted. Records someone else edited meanwhile are
 * still removed if the import created them: the import is undone whole.
 */
export function rollbackImport(ctx: AppContext, actor: Actor, importId: string, tables: readonly TouchedTable[]): void {
  for (const table of [...tables].reverse()) {
    if (!tableExists(ctx, table.id)) continue;
    if (table.isNew) {
      deleteTable(ctx, actor, table.id);
      continue;
    }
    const schema = loadTableSchema(ctx, table.id);
    const undo = findUndo(ctx.db, importId, table.id);
    const restores = undo.filter((entry) => entry.before !== null).map((entry) => ({ id: entry.first_id, values: JSON.parse(entry.before!) as Record<string, unknown> }));
    const known = restores.filter((restore) => Object.keys(restore.values).every((fieldId) => schema.byId.has(fieldId)));
    for (let start = 0; start < known.length; start += MAX_BATCH) {
      writeRecords(ctx, { tableId: table.id, updates: existing(ctx, schema.sqlTable, known.slice(start, start + MAX_BATCH)) }, { actor, origin: 'import', typecast: false });
    }
    const created: number[] = [];
    for (const entry of undo) if (entry.before === null) created.push(...idsBetween(ctx, schema.sqlTable, entry.first_id, entry.last_id));
    for (let start = 0; start < created.length; start += MAX_BATCH) {
      writeRecords(ctx, { tableId: table.id, deletes: created.slice(start, start + MAX_BATCH) }, { actor, origin: 'import', typecast: false });
    }
    for (const fieldId of [...table.createdFieldIds].reverse()) {
      if (loadTableSchema(ctx, table.id).byId.has(fieldId)) deleteField(ctx, actor, table.id, fieldId);
    }
  }
  deleteUndo(ctx.db, importId);
}

function tableExists(ctx: AppContext, tableId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM tables WHERE id = ?').get(tableId) !== undefined;
}

/** Records of a created range that still exist (someone may have deleted some). */
function idsBetween(ctx: AppContext, sqlTable: string, first: number, last: number): number[] {
  return (ctx.db.prepare(`SELECT id FROM "${sqlTable}" WHERE id BETWEEN ? AND ? ORDER BY id`).all(first, last) as Array<{ id: number }>).map((row) => row.id);
}

function existing<T extends { id: number }>(ctx: AppContext, sqlTable: string, items: T[]): T[] {
  const ids = new Set<number>();
  for (let start = 0; start < items.length; start += 500) {
    const chunk = items.slice(start, start + 500).map((item) => item.id);
    const rows = ctx.db.prepare(`SELECT id FROM "${sqlTable}" WHERE id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Array<{ id: number }>;
    for (const row of rows) ids.add(row.id);
  }
  return items.filter((item) => ids.has(item.id));
}
