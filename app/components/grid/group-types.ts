import type { GroupHeader } from '../../../core/views/rows-json.ts';
import type { GridRowData } from './types.ts';

export type { GroupHeader, SummaryData } from '../../../core/views/rows-json.ts';

/** The header a grid row stands for, when it is a group header rather than a record. */
export function headerOf(row: GridRowData | undefined | null): GroupHeader | undefined {
  return (row as (GridRowData & { group?: GroupHeader }) | undefined | null)?.group;
}

/** The summary bar's row: ag-grid pins it under the columns, so it follows widths and scrolling. */
export const SUMMARY_ROW_ID = '__summary';
