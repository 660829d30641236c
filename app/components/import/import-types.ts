import type { StoredTypeName } from '../../../core/fields/index.ts';

// The JSON of the import routes (docs/imports.md), as the browser reads it.

export interface PreviewColumn {
  /** 0-based position in the file. */
  index: number;
  name: string;
  type: StoredTypeName;
  options: Record<string, unknown>;
}

export interface PreviewSheet {
  name: string;
  hidden: boolean;
  /** 1-based, as Excel numbers rows. */
  headerRow: number;
  rowsTotal?: number;
  columns: PreviewColumn[];
  rows: Array<{ row: number; cells: Array<string | number | boolean | null> }>;
  hiddenRows: number[];
  hiddenColumns: string[];
  empty: boolean;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx' | string;
  encoding?: string;
  bom?: boolean;
  delimiter?: string;
  sheets: PreviewSheet[];
}

export const FINAL_STATUSES = ['done', 'failed', 'cancelled'] as const;
export type ImportStatus = 'queued' | 'running' | (typeof FINAL_STATUSES)[number];

export interface ImportRowError {
  sheet?: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  fileName: string;
  rowsDone: number;
  rowsTotal?: number;
  bytesDone: number;
  bytesTotal: number;
  created: number;
  updated: number;
  skipped: number;
  tables: Array<{ id: string; name: string }>;
  errorCount: number;
  errors: ImportRowError[];
  failure?: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function isFinal(status: ImportStatus): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Where the rows go: new tables (one per sheet), or one existing table. */
export type ImportTarget =
  | { kind: 'new' }
  | {
      kind: 'existing';
      tableId: string;
      fields: ReadonlyArray<{ id: string; name: string; type: string }>;
      /** Owners may add a field for a column the table lacks. */
      canCreateFields: boolean;
    };
