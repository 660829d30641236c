import { cellText } from './cell-input.ts';
import { columnNames, detectHeaderRow, hasOwnValue, headerBand, headerWidth, ownWidth } from './header-row.ts';
import { fileError } from './import-error.ts';
import { inferField, type InferredField } from './infer-type.ts';
import { HEADER_SCAN_ROWS, INFERENCE_ROWS, PREVIEW_ROWS } from './limits.ts';
import { isContinuation, NO_MERGES, type MergeLookup } from './merged-cells.ts';
import type { ImportSource, SheetInfo, SourceRow } from './source.ts';

export interface ColumnInspection extends InferredField {
  /** 0-based position in the file. */
  index: number;
  /** The header's text, or "Column C" when it has none. */
  name: string;
}

/** What the preview shows of a sheet and what a plan needs: header, columns with inferred types, first rows. */
export interface SheetInspection {
  name: string;
  hidden: boolean;
  /** 1-based row number of the header, as Excel shows it. */
  headerRow: number;
  /** Data rows below the header, when the file says (an .xlsx's used range). */
  rowsTotal?: number;
  columns: ColumnInspection[];
  rows: Array<{ row: number; cells: Array<string | number | boolean | null> }>;
  /** Hidden rows among those read, and hidden columns (by name): imported unless asked otherwise. */
  hiddenRows: number[];
  hiddenColumns: string[];
  empty: boolean;
}

/**
 * Reads the top of a sheet — up to 20 rows to find the header and 1,000 below it to infer
 * each column's type — never the whole file.
 */
export async function inspectSheet(source: ImportSource, sheet: SheetInfo, headerRow?: number): Promise<SheetInspection> {
  const reader = source.openSheet(sheet.name);
  const rows: SourceRow[] = [];
  let merges: MergeLookup = NO_MERGES;
  try {
    for await (const chunk of reader.rows()) {
      rows.push(...chunk);
      if (rows.length >= HEADER_SCAN_ROWS + INFERENCE_ROWS) break;
    }
    merges = reader.mergedCells?.() ?? NO_MERGES;
  } finally {
    reader.close();
  }
  let headerIndex: number;
  if (headerRow !== undefined) {
    headerIndex = rows.findIndex((row) => row.row === headerRow);
    if (headerIndex < 0) throw fileError('INVALID_REQUEST', { sheet: sheet.name, row: headerRow }, 'the header row given is empty or not among the first rows of the sheet');
  } else {
    headerIndex = detectHeaderRow(rows.slice(0, HEADER_SCAN_ROWS), merges);
  }
  const header = rows[headerIndex];
  const band = headerBand(rows, headerIndex, merges);
  const data = rows.slice(headerIndex + 1, headerIndex + 1 + INFERENCE_ROWS);
  // Values copied from merged cells fill the rows but add no columns: a header cell merged
  // across columns names one column unless the data below type values into the others.
  const width = Math.max(headerWidth(band, merges), ...data.map((row) => ownWidth(row, merges)));
  const indexes: number[] = [];
  for (let c = 0; c < width; c++) {
    if (header && isContinuation(merges, header.row, c) && !data.some((row) => hasOwnValue(row, c, merges))) continue;
    indexes.push(c);
  }
  const kept = new Set(indexes);
  const names = columnNames(band, indexes);
  const columns = indexes.map((index, i): ColumnInspection => ({ index, name: names[i]!, ...inferField(names[i]!, data.map((row) => row.cells[index] ?? null)) }));
  const headerNumber = header?.row ?? 1;
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    headerRow: headerNumber,
    ...(sheet.lastRow !== undefined ? { rowsTotal: Math.max(0, sheet.lastRow - headerNumber) } : {}),
    columns,
    // Cells by the column's index in the file; a column left out (part of a merged header cell) shows none.
    rows: data.slice(0, PREVIEW_ROWS).map((row) => ({
      row: row.row,
      cells: Array.from({ length: width }, (_, index) => {
        const cell = kept.has(index) ? row.cells[index] ?? null : null;
        return typeof cell === 'object' && cell !== null ? cellText(cell) : cell;
      }),
    })),
    hiddenRows: data.filter((row) => row.hidden).map((row) => row.row).slice(0, 1000),
    hiddenColumns: columns.filter(({ index }) => sheet.hiddenColumns.includes(index)).map(({ name }) => name),
    empty: !header,
  };
}
