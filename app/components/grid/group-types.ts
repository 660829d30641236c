import type { SummaryAggregate } from '../../../core/views/summary.ts';
import type { GridRowData } from './types.ts';

/** A grouped view's header row, as GET …/rows sends it (server/grid/grid-row.ts). */
export interface GroupHeader {
  id: string;
  depth: number;
  fieldId: string;
  value: unknown;
  count: number;
  sums: Record<string, number | null>;
  collapsed: boolean;
}

/** The header a grid row stands for, when it is a group header rather than a record. */
export function headerOf(row: GridRowData | undefined | null): GroupHeader | undefined {
  return (row as (GridRowData & { group?: GroupHeader }) | undefined | null)?.group;
}

/** GET …/summary: each field's chosen aggregate over the view's rows. */
export interface SummaryData {
  records: number;
  values: Record<string, { aggregate: SummaryAggregate; value: number | string | null }>;
}

/** The summary bar's row: ag-grid pins it under the columns, so it follows widths and scrolling. */
export const SUMMARY_ROW_ID = '__summary';
