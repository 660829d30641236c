import type { FieldJson, TableJson as ApiTableJson } from '../../core/api-json.ts';
import type { FieldRow, TableRow } from '../db/index.ts';
import type { ViewJson } from '../views/views.service.ts';
import { toFieldDef, type FieldDef } from './table-schema.ts';

export type { FieldJson };
export type TableJson = ApiTableJson<ViewJson>;

export function toFieldJson(field: FieldDef | FieldRow): FieldJson {
  const def = 'fieldType' in field ? field : toFieldDef(field);
  return { id: def.id, name: def.name, type: def.type, options: def.options, description: def.description ?? null };
}

export function toTableJson(table: TableRow, fields: ReadonlyArray<FieldDef | FieldRow>, views: ViewJson[]): TableJson {
  return { id: table.id, name: table.name, primaryFieldId: table.primary_field_id, fields: fields.map(toFieldJson), views };
}
