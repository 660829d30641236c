import type { FieldType } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import { recordAudit } from '../audit/index.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { RecordChange } from '../events/index.ts';
import { rewriteFieldValues } from '../records/index.ts';
import { carryChoiceIds } from './choice-changes.ts';
import { sameValue } from './convert-value.ts';
import { addColumn, dropColumn, readColumn } from './data-table.repository.ts';
import { applyConversion, planConversion, type ConversionReport, type ConversionSample } from './field-conversion.ts';
import { canBePrimary, parseFieldOptions, requireCreatableType, type FieldInput, type FieldPatch } from './field-input.ts';
import { normalizeName, requireUniqueName } from './names.ts';
import { toFieldJson, type FieldJson } from './table-json.ts';
import { loadTableSchema, type FieldDef, type TableSchema } from './table-schema.ts';
import { MAX_FIELDS } from './tables.service.ts';
import { deleteFieldRow, insertField, nextFieldPosition, updateField as updateFieldRow } from './tables.repository.ts';
import { forgetFieldInViews, revalidateViewsForField } from '../views/view-field-cleanup.ts';

export interface FieldUpdateResult {
  field: FieldJson;
  /** Present when existing values had to be converted (a type or options change). */
  conversion?: ConversionReport;
}

export function createField(ctx: AppContext, actor: Actor, tableId: string, input: FieldInput): FieldJson {
  requireTableAccess(ctx, actor, tableId, 'writeSchema');
  const schema = loadTableSchema(ctx, tableId);
  const name = normalizeName('field', input.name);
  requireUniqueName('field', name, schema.fields);
  if (schema.fields.length >= MAX_FIELDS) throw new AppError('INVALID_REQUEST', `a table has at most ${MAX_FIELDS} fields`);
  const fieldType = requireCreatableType(input.type);
  const options = parseFieldOptions(fieldType, input.options);
  const id = newId('field');
  ctx.db.transaction(() => {
    insertField(ctx.db, {
      id, table_id: tableId, name, type: fieldType.name, options: JSON.stringify(options),
      description: input.description?.trim() || null, position: nextFieldPosition(ctx.db, tableId), created_at: new Date().toISOString(),
    });
    if (fieldType.storage.kind === 'column') addColumn(ctx.db, schema.sqlTable, `f_${id}`, fieldType.storage.sqlType);
    recordAudit(ctx, { actorId: actor.userId, action: 'field.created', baseId: schema.baseId, target: id, details: { tableId, name, type: fieldType.name } });
  });
  ctx.db.forgetStatements();
  ctx.events.emit('schema', { baseId: schema.baseId, tableId, kind: 'field', action: 'created', id });
  return toFieldJson(loadTableSchema(ctx, tableId).byId.get(id)!);
}

/**
 * Renames, describes, or changes a field's type or options. A type or options change
 * converts every existing value in the same transaction as the field row (see
 * docs/decisions/0012): the table is never seen half converted, and values that could
 * not convert are kept in the record history.
 */
export function updateField(ctx: AppContext, actor: Actor, tableId: string, fieldId: string, patch: FieldPatch): FieldUpdateResult {
  const { schema, field } = requireFieldForSchema(ctx, actor, tableId, fieldId);
  const update: { name?: string; description?: string | null; type?: string; options?: string } = {};
  if (patch.name !== undefined) {
    update.name = normalizeName('field', patch.name);
    requireUniqueName('field', update.name, schema.fields, field.id);
  }
  if (patch.description !== undefined) update.description = patch.description?.trim() || null;
  const target = resolveTarget(schema, field, patch);

  const at = new Date().toISOString();
  let changes: RecordChange[] = [];
  let conversion: ConversionReport | undefined;
  ctx.db.transaction(() => {
    if (target) {
      const plan = planConversion(ctx, schema, field, target.fieldType, target.options);
      changes = applyConversion(ctx, schema, plan, { actorId: actor.userId, at });
      conversion = plan.report;
      update.type = plan.target.type;
      update.options = JSON.stringify(plan.target.options);
    }
    if (Object.keys(update).length) updateFieldRow(ctx.db, field.id, update);
    if (target) revalidateViewsForField(ctx, loadTableSchema(ctx, tableId), field.id);
    const details = { tableId, ...patch, ...(conversion ? { converted: conversion.converted, failed: conversion.failedCount } : {}) };
    recordAudit(ctx, { actorId: actor.userId, action: 'field.updated', baseId: schema.baseId, target: field.id, details });
  });
  ctx.db.forgetStatements();
  ctx.events.emit('schema', { baseId: schema.baseId, tableId, kind: 'field', action: 'updated', id: field.id });
  emitRecordChanges(ctx, schema, actor, at, changes);
  const saved = loadTableSchema(ctx, tableId).byId.get(field.id)!;
  return conversion ? { field: toFieldJson(saved), conversion } : { field: toFieldJson(saved) };
}

/** What a type or options change would do, without doing it: the grid's confirmation dialog. */
export function previewFieldConversion(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  fieldId: string,
  patch: Pick<FieldPatch, 'type' | 'options'>,
): { field: FieldJson; conversion: ConversionReport; samples: ConversionSample[] } {
  const { schema, field } = requireFieldForSchema(ctx, actor, tableId, fieldId);
  const target = resolveTarget(schema, field, patch) ?? { fieldType: field.fieldType, options: field.options };
  const plan = planConversion(ctx, schema, field, target.fieldType, target.options);
  return { field: toFieldJson(plan.target), conversion: plan.report, samples: plan.samples };
}

/**
 * Deletes a field and its column. Its values are written to the record history first
 * (as changes to empty), so a deleted column can still be recovered record by record.
 */
export function deleteField(ctx: AppContext, actor: Actor, tableId: string, fieldId: string): void {
  const { schema, field } = requireFieldForSchema(ctx, actor, tableId, fieldId);
  if (schema.table.primary_field_id === field.id) {
    throw new AppError('CONFLICT', `"${field.name}" is the primary field and cannot be deleted; make another field primary first`, { field: field.name });
  }
  const at = new Date().toISOString();
  let changes: RecordChange[] = [];
  ctx.db.transaction(() => {
    if (field.fieldType.storage.kind === 'column') {
      const empty = field.fieldType.fromStorage(null, field.options);
      const rewrites = readColumn(ctx.db, schema.sqlTable, field.column)
        .map((row) => ({ recordId: row.id, before: field.fieldType.fromStorage(row.value, field.options), after: null }))
        .filter((rewrite) => !sameValue(rewrite.before, empty));
      changes = rewriteFieldValues(ctx, schema, field, rewrites, { actorId: actor.userId, origin: 'schema', at });
      dropColumn(ctx.db, schema.sqlTable, field.column);
    }
    forgetFieldInViews(ctx, tableId, field.id);
    deleteFieldRow(ctx.db, field.id);
    recordAudit(ctx, { actorId: actor.userId, action: 'field.deleted', baseId: schema.baseId, target: field.id, details: { tableId, name: field.name, type: field.type } });
  });
  ctx.db.forgetStatements();
  ctx.events.emit('schema', { baseId: schema.baseId, tableId, kind: 'field', action: 'deleted', id: field.id });
  emitRecordChanges(ctx, schema, actor, at, changes);
}

function requireFieldForSchema(ctx: AppContext, actor: Actor, tableId: string, fieldId: string): { schema: TableSchema; field: FieldDef } {
  requireTableAccess(ctx, actor, tableId, 'writeSchema');
  const schema = loadTableSchema(ctx, tableId);
  const field = schema.byId.get(fieldId);
  if (!field) throw notFound('field');
  return { schema, field };
}

/**
 * The type and parsed options a patch asks for, or undefined when values need no
 * conversion. On a type change without options, the old options carry over where the new
 * type understands them (a select's choices, a number's precision, a date's format).
 */
function resolveTarget(
  schema: TableSchema,
  field: FieldDef,
  patch: Pick<FieldPatch, 'type' | 'options'>,
): { fieldType: FieldType<any, any>; options: Record<string, unknown> } | undefined {
  if (patch.type === undefined && (patch.options === undefined || patch.options === null)) return undefined;
  const fieldType = patch.type === undefined ? field.fieldType : requireCreatableType(patch.type);
  const sameType = fieldType.name === field.type;
  let raw: unknown = patch.options ?? undefined;
  if (raw === undefined) raw = sameType || fieldType.options.safeParse(field.options).success ? field.options : {};
  const options = parseFieldOptions(fieldType, carryChoiceIds(raw, field.options));
  if (sameType && sameValue(options, field.options)) return undefined;
  if (schema.table.primary_field_id === field.id && !canBePrimary(fieldType)) {
    throw new AppError('INVALID_REQUEST', `"${field.name}" is the primary field and cannot become ${fieldType.name}`, { field: field.name, type: fieldType.name });
  }
  return { fieldType, options };
}

function emitRecordChanges(ctx: AppContext, schema: TableSchema, actor: Actor, at: string, changes: RecordChange[]): void {
  if (!changes.length) return;
  ctx.events.emit('records', { baseId: schema.baseId, tableId: schema.table.id, actorId: actor.userId, origin: 'schema', depth: 0, at, changes });
}
