import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requireBaseAccess, requireTableAccess } from '../auth/permissions.ts';
import { getUser, type UserLocale } from '../auth/users.service.ts';
import { recordAudit } from '../audit/index.ts';
import type { AppContext } from '../context.ts';
import { newId, type TableRow } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { listViews } from '../views/views.service.ts';
import { createDataTable, dropDataTable, type SqlType } from './data-table.repository.ts';
import { canBePrimary, fieldInputSchema, parseFieldOptions, requireCreatableType } from './field-input.ts';
import { normalizeName, requireUniqueName } from './names.ts';
import { sqlTableName, toFieldDef } from './table-schema.ts';
import { toTableJson, type TableJson } from './table-json.ts';
import {
  deleteTableRows, findFieldsOfTable, findFieldsOfTables, findTable, findTablesOfBase, insertField, insertTable,
  insertView, nextTablePosition, updateTable,
} from './tables.repository.ts';

/** SQLite allows 2,000 columns; Airtable stops at 500 fields, and so do we. */
export const MAX_FIELDS = 500;
export const DEFAULT_VIEW_NAME = 'Grid view';
/** The first view's name in the creating user's language (their account's `locale`), English by default. */
export const DEFAULT_VIEW_NAMES: Readonly<Record<UserLocale, string>> = { en: DEFAULT_VIEW_NAME, 'zh-CN': '表格视图' };

export const createTableInput = z.strictObject({
  name: z.string().max(1000),
  fields: z.array(fieldInputSchema).max(MAX_FIELDS).optional(),
});
export type CreateTableInput = z.infer<typeof createTableInput>;

export const updateTableInput = z.strictObject({
  name: z.string().max(1000).optional(),
  /** 0-based place among the base's tables; the others shift. */
  position: z.number().int().min(0).max(10_000).optional(),
  primaryFieldId: z.string().max(64).optional(),
});
export type UpdateTableInput = z.infer<typeof updateTableInput>;

/** Tables of a base with their fields and the views the actor can see, in tab order. */
export function listTables(ctx: AppContext, actor: Actor, baseId: string): TableJson[] {
  requireBaseAccess(ctx, actor, baseId, 'readSchema');
  const tables = findTablesOfBase(ctx.db, baseId);
  const fields = findFieldsOfTables(ctx.db, tables.map((table) => table.id));
  return tables.map((table) =>
    toTableJson(table, fields.filter((field) => field.table_id === table.id), listViews(ctx, actor.userId, table.id)),
  );
}

export function getTable(ctx: AppContext, actor: Actor, tableId: string): TableJson {
  const { table } = requireTableAccess(ctx, actor, tableId, 'readSchema');
  return tableJson(ctx, actor, table);
}

/**
 * Creates the meta rows, the real table `t_<id>` with one column per stored field, and a
 * default grid view, in one transaction. The first field is the primary field; a table
 * without fields gets one "Name" text field, since every record needs something to show.
 */
export function createTable(ctx: AppContext, actor: Actor, baseId: string, input: CreateTableInput): TableJson {
  requireBaseAccess(ctx, actor, baseId, 'writeSchema');
  const name = normalizeName('table', input.name);
  requireUniqueName('table', name, findTablesOfBase(ctx.db, baseId));
  const specs = (input.fields?.length ? input.fields : [{ name: 'Name', type: 'singleLineText' }]).map((spec, index) => {
    const fieldType = requireCreatableType(spec.type);
    return {
      id: newId('field'),
      name: normalizeName('field', spec.name),
      type: fieldType.name,
      fieldType,
      options: parseFieldOptions(fieldType, spec.options),
      description: spec.description?.trim() || null,
      position: index,
    };
  });
  specs.forEach((spec, index) => requireUniqueName('field', spec.name, specs.slice(0, index)));
  const primary = specs[0]!;
  if (!canBePrimary(primary.fieldType)) {
    throw new AppError('INVALID_REQUEST', `the first field is the primary field and cannot be of type ${primary.type}`, { field: primary.name, type: primary.type });
  }

  const id = newId('table');
  const at = new Date().toISOString();
  const columns: Array<{ column: string; sqlType: SqlType }> = [];
  for (const spec of specs) if (spec.fieldType.storage.kind === 'column') columns.push({ column: `f_${spec.id}`, sqlType: spec.fieldType.storage.sqlType });
  ctx.db.transaction(() => {
    const row: TableRow = { id, base_id: baseId, name, primary_field_id: primary.id, position: nextTablePosition(ctx.db, baseId), created_at: at };
    insertTable(ctx.db, row);
    for (const spec of specs) {
      insertField(ctx.db, {
        id: spec.id, table_id: id, name: spec.name, type: spec.type, options: JSON.stringify(spec.options),
        description: spec.description, position: spec.position, created_at: at,
      });
    }
    createDataTable(ctx.db, sqlTableName(id), columns);
    insertView(ctx.db, {
      id: newId('view'), table_id: id, name: defaultViewName(ctx, actor.userId), type: 'grid', config: '{}', personal_user_id: null,
      share_id: null, locked: 0, position: 0, created_at: at,
    });
    recordAudit(ctx, { actorId: actor.userId, action: 'table.created', baseId, target: id, details: { name, fields: specs.length } });
  });
  ctx.db.forgetStatements();
  ctx.events.emit('schema', { baseId, tableId: id, kind: 'table', action: 'created', id });
  return tableJson(ctx, actor, findTable(ctx.db, id)!);
}

function defaultViewName(ctx: AppContext, userId: string): string {
  const locale = getUser(ctx, userId)?.locale;
  return DEFAULT_VIEW_NAMES[locale ?? 'en'];
}

/** Rename, move among the base's tables, or make another field primary. */
export function updateTableMeta(ctx: AppContext, actor: Actor, tableId: string, input: UpdateTableInput): TableJson {
  const { table } = requireTableAccess(ctx, actor, tableId, 'writeSchema');
  const update: { name?: string; primary_field_id?: string } = {};
  if (input.name !== undefined) {
    update.name = normalizeName('table', input.name);
    requireUniqueName('table', update.name, findTablesOfBase(ctx.db, table.base_id), table.id);
  }
  if (input.primaryFieldId !== undefined) {
    const row = findFieldsOfTable(ctx.db, tableId).find((field) => field.id === input.primaryFieldId);
    if (!row) throw new AppError('INVALID_REQUEST', `unknown field ${JSON.stringify(input.primaryFieldId)}`, { field: 'primaryFieldId' });
    const def = toFieldDef(row);
    if (!canBePrimary(def.fieldType)) {
      throw new AppError('INVALID_REQUEST', `a ${def.type} field cannot be the primary field`, { field: def.name, type: def.type });
    }
    update.primary_field_id = def.id;
  }
  if (!Object.keys(update).length && input.position === undefined) return tableJson(ctx, actor, table);
  ctx.db.transaction(() => {
    if (Object.keys(update).length) updateTable(ctx.db, tableId, update);
    if (input.position !== undefined) moveTable(ctx, table, input.position);
    recordAudit(ctx, { actorId: actor.userId, action: 'table.updated', baseId: table.base_id, target: tableId, details: { ...input } });
  });
  ctx.events.emit('schema', { baseId: table.base_id, tableId, kind: 'table', action: 'updated', id: tableId });
  return tableJson(ctx, actor, findTable(ctx.db, tableId)!);
}

/** Drops `t_<id>` with its indexes, the meta rows, and the table's record history. */
export function deleteTable(ctx: AppContext, actor: Actor, tableId: string): void {
  const { table } = requireTableAccess(ctx, actor, tableId, 'writeSchema');
  ctx.db.transaction(() => {
    dropTableData(ctx, table.id);
    recordAudit(ctx, { actorId: actor.userId, action: 'table.deleted', baseId: table.base_id, target: tableId, details: { name: table.name } });
  });
  ctx.db.forgetStatements();
  ctx.events.emit('schema', { baseId: table.base_id, tableId, kind: 'table', action: 'deleted', id: tableId });
}

/**
 * For base deletion: drops every table of the base and its history. Meant to run inside
 * the base deletion's transaction (it nests as a savepoint); the caller emits the events
 * and writes the audit entry. Returns the dropped table ids.
 */
export function dropBaseTables(ctx: AppContext, baseId: string): string[] {
  const tables = findTablesOfBase(ctx.db, baseId);
  ctx.db.transaction(() => {
    for (const table of tables) dropTableData(ctx, table.id);
  });
  ctx.db.forgetStatements();
  return tables.map((table) => table.id);
}

function dropTableData(ctx: AppContext, tableId: string): void {
  dropDataTable(ctx.db, sqlTableName(tableId));
  deleteTableRows(ctx.db, tableId);
}

function moveTable(ctx: AppContext, table: TableRow, position: number): void {
  const others = findTablesOfBase(ctx.db, table.base_id).filter((t) => t.id !== table.id);
  others.splice(Math.min(position, others.length), 0, table);
  others.forEach((t, index) => {
    if (t.position !== index || t.id === table.id) updateTable(ctx.db, t.id, { position: index });
  });
}

function tableJson(ctx: AppContext, actor: Actor, table: TableRow): TableJson {
  return toTableJson(table, findFieldsOfTable(ctx.db, table.id), listViews(ctx, actor.userId, table.id));
}
