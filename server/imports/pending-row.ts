import type { FieldValues } from '../events/index.ts';
import { cellText } from './cell-input.ts';
import type { SourceRow } from './source.ts';

/** A per-cell problem of the report: the row as Excel numbers it, the column's header. */
export interface CellProblem {
  sheet?: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A file row on its way to the write path: raw inputs by field id, and its cells' text for reports. */
export interface PendingRow {
  row: number;
  values: FieldValues;
  text(header: string): string;
}

export function pendingRow(source: SourceRow, columns: ReadonlyArray<{ index: number; header: string }>, values: FieldValues): PendingRow {
  return {
    row: source.row,
    values,
    text: (header) => cellText(source.cells[columns.find((c) => c.header === header)?.index ?? -1] ?? null),
  };
}
