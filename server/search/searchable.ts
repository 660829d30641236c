import type { FieldDef, TableSchema } from '../tables/table-schema.ts';

/**
 * Fields whose shown text is their stored text: text kinds (single line, long text, email,
 * phone, URL) and select names. Numbers, dates and users display formatted or resolved
 * text that the column does not hold, so the search box leaves them to the filter builder.
 */
export function isSearchable(field: FieldDef): boolean {
  const { storage, kind } = field.fieldType;
  return storage.kind === 'column' && (kind === 'text' || kind === 'select' || kind === 'multi');
}

export function searchableFields(schema: TableSchema): FieldDef[] {
  return schema.fields.filter(isSearchable);
}

/**
 * The SQL text a field contributes to the index: multiple selects as their names joined by
 * spaces (the JSON punctuation would otherwise match searches for `","`). Column names come
 * from checked ids only.
 */
export function indexedTextSql(field: FieldDef, table: string): string {
  const column = `${table}.${field.column}`;
  if (field.fieldType.kind !== 'multi') return column;
  return `(SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid(${column}) THEN ${column} ELSE '[]' END))`;
}
