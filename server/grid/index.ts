// The grid's reads and bulk writes: blocks of a view's rows for ag-grid's Infinite Row Model,
// grouped views (group headers laid out over a group tree), the summary bar, the search box.
export { readRows, findRowPosition, applyGridBatch, MAX_BLOCK, type GridRow, type GridBatch, type ViewSort, type RowBlock } from './rows.service.ts';
export { ANCHOR_STEP, RowPositions } from './row-positions.ts';
export { readSummary, type SummaryResult } from './summary.ts';
export { MAX_COLLAPSED } from './group-rows.ts';
export { MAX_GROUPS } from './group-tree.ts';
export type { GroupHeader } from './grid-row.ts';
