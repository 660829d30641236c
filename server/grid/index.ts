// The grid's reads and bulk writes: blocks of a view's rows for ag-grid's Infinite Row Model.
export { readRows, findRowPosition, applyGridBatch, MAX_BLOCK, type GridRow, type GridBatch, type ViewSort } from './rows.service.ts';
export { ANCHOR_STEP, RowPositions } from './row-positions.ts';
