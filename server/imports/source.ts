import type { MergeLookup } from './merged-cells.ts';
import type { TextEncodingName } from './text-encoding.ts';

/**
 * A number as an .xlsx cell shows it: the number format decides what it means. Dates are
 * Excel serials (days since 1899-12-30, the time as the fraction).
 */
export interface FormattedNumber {
  value: number;
  format: 'date' | 'datetime' | 'percent' | 'currency';
  /** Currency symbol of the number format. */
  symbol?: string;
}

/** A cell as read: CSV cells are text; .xlsx cells keep their type. Empty cells are null. */
export type SourceCell = string | number | boolean | FormattedNumber | null;

export interface SourceRow {
  /** 1-based row number as Excel shows it (CSV: the record number, header included). */
  row: number;
  cells: SourceCell[];
  hidden?: boolean;
}

export type FileFormat = 'csv' | 'xlsx';

/** A sheet of a file; a CSV has one, named after the file. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** From the .xlsx's dimension, when it has one. */
  lastRow?: number;
  hiddenColumns: number[];
}

export interface CsvInfo {
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

/** Reads rows of one sheet in chunks; `bytesRead` tells progress through the file. */
export interface SheetReader {
  rows(): AsyncGenerator<SourceRow[]>;
  bytesRead(): number;
  /** An .xlsx's merged cells among the first rows read (their values are already in the rows). */
  mergedCells?(): MergeLookup;
  close(): void;
}

/** An opened upload: its sheets and a way to read each. */
export interface ImportSource {
  format: FileFormat;
  csv?: CsvInfo;
  sheets: SheetInfo[];
  bytesTotal: number;
  openSheet(name: string): SheetReader;
  close(): void;
}

export function isEmptyCell(cell: SourceCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
