/**
 * A merged range of a sheet, as Excel stores it in `<mergeCell ref="A1:D2"/>`: rows 1-based
 * as Excel numbers them, columns 0-based (A = 0), both ends included.
 */
export interface MergedRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Which merged range covers a cell, for the first rows a sheet reader gave (the rows the
 * preview looks at): header detection and column naming ask it whether a value is the cell's
 * own or copied from the range's top-left cell. CSV files have no merged cells.
 */
export interface MergeLookup {
  rangeAt(row: number, column: number): MergedRange | undefined;
}

export const NO_MERGES: MergeLookup = { rangeAt: () => undefined };

/** A cell right of its range's first column: part of a wider cell, not a column of its own. */
export function isContinuation(merges: MergeLookup, row: number, column: number): boolean {
  const range = merges.rangeAt(row, column);
  return range !== undefined && column > range.left;
}

/** The cell holds what was typed into it (or nothing), not a copy of its range's top-left value. */
export function isOwnCell(merges: MergeLookup, row: number, column: number): boolean {
  const range = merges.rangeAt(row, column);
  return range === undefined || (range.top === row && range.left === column);
}
