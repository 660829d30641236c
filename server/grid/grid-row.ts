import { formatRecordId } from '../../core/record-id.ts';
import type { GroupHeader, RowJson } from '../../core/views/rows-json.ts';
import type { FieldValues } from '../events/index.ts';
import type { StoredRecord } from '../records/index.ts';

export type { GroupHeader };

export interface GridRow extends RowJson<FieldValues> {
  /** Set on a grouped view's header rows (their id is `group:<group id>`), never on records. */
  group?: GroupHeader;
}

export function toGridRow(record: StoredRecord): GridRow {
  return { id: formatRecordId(record.id), version: record.version, values: record.values };
}
