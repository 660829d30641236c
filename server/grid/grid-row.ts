import { formatRecordId } from '../../core/record-id.ts';
import type { FieldValues } from '../events/index.ts';
import type { StoredRecord } from '../records/index.ts';

/** A grouped view's header row: the group's value at its level, its size and its sums. */
export interface GroupHeader {
  id: string;
  depth: number;
  fieldId: string;
  value: unknown;
  count: number;
  sums: Record<string, number | null>;
  collapsed: boolean;
}

export interface GridRow {
  id: string;
  version: number;
  values: FieldValues;
  /** Set on a grouped view's header rows (their id is `group:<group id>`), never on records. */
  group?: GroupHeader;
}

export function toGridRow(record: StoredRecord): GridRow {
  return { id: formatRecordId(record.id), version: record.version, values: record.values };
}
