import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { createField, createTable, loadTableSchema, type FieldDef, type TableSchema } from '../tables/index.ts';
import { findTablesOfBase } from '../tables/tables.repository.ts';
import { nameKey } from '../tables/names.ts';
import type { TouchedTable } from './job-state.ts';
import type { SheetPlan } from './plan.ts';

/** A sheet's destination once it exists: each imported column with its field. */
export interface ResolvedTarget {
  schema: TableSchema;
  columns: Array<{ index: number; header: string; field: FieldDef }>;
  key?: { index: number; header: string; field: FieldDef };
  touched: TouchedTable;
}

/**
 * Creates what the plan needs: the new table with all its fields, or the new fields of an
 * existing table. `record` is called as soon as something exists, so that an undo after a
 * crash knows to remove it.
 */
export function prepareTarget(ctx: AppContext, actor: Actor, baseId: string, plan: SheetPlan, record: (touched: TouchedTable) => void): ResolvedTarget {
  let touched: TouchedTable;
  const fieldIds: string[] = [];
  if (plan.tableId) {
    touched = { id: plan.tableId, name: loadTableSchema(ctx, plan.tableId).table.name, isNew: false, createdFieldIds: [] };
    record(touched);
    for (const column of plan.columns) {
      if (column.fieldId) {
        fieldIds.push(column.fieldId);
        continue;
      }
      const field = createField(ctx, actor, plan.tableId, column.create!);
      touched.createdFieldIds.push(field.id);
      record(touched);
      fieldIds.push(field.id);
    }
  } else {
    const table = createTable(ctx, actor, baseId, {
      name: uniqueTableName(ctx, baseId, plan.tableName ?? plan.sheet),
      fields: plan.columns.map((column) => column.create!),
    });
    touched = { id: table.id, name: table.name, isNew: true, createdFieldIds: [] };
    record(touched);
    fieldIds.push(...table.fields.map((field) => field.id));
  }
  const schema = loadTableSchema(ctx, touched.id);
  const columns = plan.columns.map((column, i) => ({ index: column.index, header: column.header, field: schema.byId.get(fieldIds[i]!)! }));
  return { schema, columns, touched, ...(plan.keyColumn !== undefined ? { key: columns[plan.keyColumn]! } : {}) };
}

/** "客户", else "客户 2", "客户 3": importing the same file twice makes a second table, not an error. */
function uniqueTableName(ctx: AppContext, baseId: string, wanted: string): string {
  const taken = new Set(findTablesOfBase(ctx.db, baseId).map((table) => nameKey(table.name)));
  const base = wanted.trim().slice(0, 95) || 'Imported';
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${base} ${n}`;
  return name;
}
