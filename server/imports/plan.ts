import type { StoredTypeName } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import { requireBaseAccess, requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { canBePrimary, getField, loadTableSchema, MAX_FIELDS, type TableSchema } from '../tables/index.ts';
import { parseFieldOptions, requireCreatableType } from '../tables/field-input.ts';
import { nameKey } from '../tables/names.ts';
import type { ColumnMapping, ImportOptions, SheetOptions } from './import-options.ts';
import { inspectSheet, type ColumnInspection, type SheetInspection } from './inspect.ts';
import type { ImportSource } from './source.ts';

export interface FieldSpec {
  name: string;
  type: StoredTypeName;
  options: Record<string, unknown>;
}

/** A column that is imported: into an existing field, or a field the import creates. */
export interface ColumnPlan {
  index: number;
  header: string;
  fieldId?: string;
  create?: FieldSpec;
}

export interface SheetPlan {
  sheet: string;
  headerRow: number;
  skipHiddenRows: boolean;
  /** An existing table, or the name wanted for a new one (made unique when created). */
  tableId?: string;
  tableName?: string;
  columns: ColumnPlan[];
  /** Position in `columns` of the upsert key's column. */
  keyColumn?: number;
  rowsTotal?: number;
}

export interface ImportPlan {
  sheets: SheetPlan[];
}

// Kinds whose stored values compare exactly, so a key can find its record.
const KEY_KINDS = new Set(['text', 'number', 'date', 'select']);

/**
 * Checks the options against the file and the base and decides every column's destination,
 * before the job starts: a bad mapping or a missing permission is a 4xx to the upload, not a
 * failed job. Also returns the inspections (the preview's content).
 */
export async function planImport(ctx: AppContext, actor: Actor, baseId: string, source: ImportSource, options: ImportOptions): Promise<{ plan: ImportPlan; inspections: SheetInspection[] }> {
  const { sheets: perSheet, ...shared } = options;
  const chosen = perSheet ?? source.sheets.filter((sheet) => !sheet.hidden).map((sheet) => ({ name: sheet.name }));
  if (chosen.length > 1 && shared.tableId) throw new AppError('INVALID_REQUEST', 'options.tableId names one table but several sheets are imported; give it per sheet in options.sheets');
  const plan: ImportPlan = { sheets: [] };
  const inspections: SheetInspection[] = [];
  for (const wanted of chosen) {
    const info = source.sheets.find((sheet) => sheet.name === wanted.name);
    if (!info) throw new AppError('INVALID_REQUEST', `the file has no sheet named ${JSON.stringify(wanted.name)}`, { sheet: wanted.name });
    const merged: SheetOptions = { ...shared, ...wanted };
    const inspection = await inspectSheet(source, info, merged.headerRow);
    inspections.push(inspection);
    if (inspection.empty) {
      if (perSheet) throw new AppError('INVALID_REQUEST', `sheet ${JSON.stringify(info.name)} is empty`, { sheet: info.name });
      continue;
    }
    plan.sheets.push(planSheet(ctx, actor, baseId, inspection, merged));
  }
  if (!plan.sheets.length) throw new AppError('INVALID_REQUEST', 'the file has no rows to import');
  return { plan, inspections };
}

function planSheet(ctx: AppContext, actor: Actor, baseId: string, inspection: SheetInspection, options: SheetOptions): SheetPlan {
  const schema = options.tableId ? existingTable(ctx, actor, baseId, options.tableId) : undefined;
  if (!schema) requireBaseAccess(ctx, actor, baseId, 'writeSchema');
  const mappings = options.columns ?? [];
  for (const mapping of mappings) requireColumn(inspection, mapping);
  const columns: ColumnPlan[] = [];
  for (const column of inspection.columns) {
    const mapping = mappings.find((m) => m.column === column.index || m.column === column.name);
    const planned = planColumn(schema, column, mapping);
    if (planned) columns.push(planned);
  }
  if (!columns.length) throw new AppError('INVALID_REQUEST', `sheet ${JSON.stringify(inspection.name)}: no column is imported`, { sheet: inspection.name });
  const creates = columns.filter((c) => c.create);
  if (creates.length && schema) requireTableAccess(ctx, actor, schema.table.id, 'writeSchema');
  if ((schema?.fields.length ?? 0) + creates.length > MAX_FIELDS) {
    throw new AppError('TOO_LARGE', `sheet ${JSON.stringify(inspection.name)} would need ${creates.length} new fields; a table has at most ${MAX_FIELDS}`, { sheet: inspection.name });
  }
  const taken = [...(schema?.fields ?? [])];
  for (const column of creates) {
    const clash = taken.find((field) => nameKey(field.name) === nameKey(column.create!.name));
    if (clash) throw new AppError('CONFLICT', `column ${column.header}: a field named ${JSON.stringify(clash.name)} already exists`, { column: column.header });
    taken.push({ id: '', name: column.create!.name } as never);
  }
  if (!schema) choosePrimary(columns);
  return {
    sheet: inspection.name,
    headerRow: inspection.headerRow,
    skipHiddenRows: options.skipHiddenRows ?? false,
    ...(schema ? { tableId: schema.table.id } : { tableName: options.tableName ?? inspection.name }),
    columns,
    ...(options.keyField ? { keyColumn: keyColumn(schema, columns, options.keyField) } : {}),
    ...(inspection.rowsTotal !== undefined ? { rowsTotal: inspection.rowsTotal } : {}),
  };
}

function existingTable(ctx: AppContext, actor: Actor, baseId: string, tableId: string): TableSchema {
  const { table } = requireTableAccess(ctx, actor, tableId, 'writeRecords');
  if (table.base_id !== baseId) throw notFound('table');
  return loadTableSchema(ctx, tableId);
}

function requireColumn(inspection: SheetInspection, mapping: ColumnMapping): void {
  if (!inspection.columns.some((c) => c.index === mapping.column || c.name === mapping.column)) {
    throw new AppError('INVALID_REQUEST', `sheet ${JSON.stringify(inspection.name)} has no column ${JSON.stringify(mapping.column)}`, { column: mapping.column });
  }
}

function planColumn(schema: TableSchema | undefined, column: ColumnInspection, mapping: ColumnMapping | undefined): ColumnPlan | undefined {
  const base = { index: column.index, header: column.name };
  if (mapping?.skip) return undefined;
  if (mapping?.field) {
    if (!schema) throw new AppError('INVALID_REQUEST', `column ${column.name}: "field" maps to an existing field, but the import creates a new table`, { column: column.name });
    const field = getField(schema, mapping.field);
    if (!field) throw new AppError('UNKNOWN_FIELD', `column ${column.name}: unknown field ${JSON.stringify(mapping.field)}`, { column: column.name, field: mapping.field });
    if (field.fieldType.readOnly) throw new AppError('INVALID_REQUEST', `column ${column.name}: field "${field.name}" is read-only`, { column: column.name });
    return { ...base, fieldId: field.id };
  }
  const wantsNew = mapping?.type !== undefined || mapping?.name !== undefined;
  if (schema && !wantsNew) {
    // Existing table: a column goes to the writable field of the same name, else nowhere.
    const field = schema.fields.find((f) => nameKey(f.name) === nameKey(column.name) && !f.fieldType.readOnly);
    return field ? { ...base, fieldId: field.id } : undefined;
  }
  const type = requireCreatableType(mapping?.type ?? column.type).name;
  const options = parseFieldOptions(requireCreatableType(type), mapping?.options ?? (type === column.type ? column.options : {}));
  return { ...base, create: { name: (mapping?.name ?? column.name).trim(), type, options } };
}

/** The first field of a new table is its primary field, which must read as one value. */
function choosePrimary(columns: ColumnPlan[]): void {
  const eligible = columns.findIndex((c) => canBePrimary(requireCreatableType(c.create!.type)));
  if (eligible > 0) columns.unshift(...columns.splice(eligible, 1));
  else if (eligible < 0) columns[0]!.create = { ...columns[0]!.create!, type: 'singleLineText', options: {} };
}

function keyColumn(schema: TableSchema | undefined, columns: ColumnPlan[], key: string): number {
  const field = schema ? getField(schema, key) : undefined;
  const index = columns.findIndex((c) => (field ? c.fieldId === field.id : c.create?.name === key || c.header === key));
  if (index < 0) throw new AppError('INVALID_REQUEST', `keyField ${JSON.stringify(key)}: no imported column goes to that field`, { keyField: key });
  const type = field?.fieldType ?? requireCreatableType(columns[index]!.create!.type);
  if (!KEY_KINDS.has(type.kind)) throw new AppError('INVALID_REQUEST', `keyField ${JSON.stringify(key)}: a ${type.name} field cannot be a key; use a text, number, date or select field`, { keyField: key });
  return index;
}
