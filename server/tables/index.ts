// The tables capability: tables, fields and their type conversions.
export { loadTableSchema, schemaOf, sqlTableName, toFieldDef, getField, requireField, type FieldDef, type TableSchema } from './table-schema.ts';
export {
  listTables, getTable, createTable, updateTableMeta, deleteTable, dropBaseTables, createTableInput, updateTableInput,
  MAX_FIELDS, DEFAULT_VIEW_NAME, type CreateTableInput, type UpdateTableInput,
} from './tables.service.ts';
export { createField, updateField, deleteField, previewFieldConversion, type FieldUpdateResult } from './fields.service.ts';
export { fieldInputSchema, fieldPatchSchema, canBePrimary, type FieldInput, type FieldPatch } from './field-input.ts';
export { toFieldJson, toTableJson, type FieldJson, type TableJson } from './table-json.ts';
export type { ConversionReport, ConversionSample, FailedConversion } from './field-conversion.ts';
