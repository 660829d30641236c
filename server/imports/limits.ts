import { MAX_FIELDS } from '../tables/index.ts';

/**
 * What an import accepts (docs/imports.md). Each limit is checked where the bytes are read,
 * before anything is written, and its error names the limit and where the file broke it.
 */
export const IMPORT_LIMITS = {
  /** A CSV is streamed from disk, so its size costs time, not memory. */
  csvBytes: 1024 * 1024 * 1024,
  /** An .xlsx keeps its shared strings in memory while its sheets stream. */
  xlsxBytes: 100 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of every part of an .xlsx. */
  xlsxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  /** A part that inflates more than this ratio (and past 1 MB) is a zip bomb, not a sheet. */
  xlsxCompressionRatio: 200,
  /** Shared strings, styles and the workbook are read whole; sheets stream. */
  xlsxWholePartBytes: 256 * 1024 * 1024,
  xlsxEntries: 10_000,
  /**
   * Merged cell ranges applied per sheet (16 bytes each, held while the sheet streams): a
   * million-row sheet with three columns merged over every group of three rows has as many.
   * A sheet with more is refused, naming the sheet, rather than imported with some merges
   * applied and others not (decision 0038).
   */
  xlsxMergedRanges: 1_000_000,
  /** Airtable's long text limit; nothing a person types into a cell is longer. */
  cellChars: 100_000,
  /** A table holds at most MAX_FIELDS fields, so a wider file cannot be imported. */
  columns: MAX_FIELDS,
  /** Errors kept per import for the report; the count goes on beyond it. */
  reportedErrors: 100_000,
  /** The options field of the upload. */
  optionsBytes: 1024 * 1024,
} as const;

/** Rows per write batch: one transaction each, the event loop free between them. */
export const IMPORT_BATCH_ROWS = 5_000;
/**
 * Rows per message from the parse worker; the main thread merges them into write batches of
 * IMPORT_BATCH_ROWS. Small messages let each one's values die young in the worker's heap.
 */
export const WORKER_BATCH_ROWS = 1_000;
/** Rows shown per sheet by the preview, and read to infer each column's type. */
export const PREVIEW_ROWS = 50;
export const INFERENCE_ROWS = 1_000;
/** Rows above the header that header detection looks at (title rows, notes). */
export const HEADER_SCAN_ROWS = 20;
/** Bytes read to detect the encoding and delimiter of a CSV. */
export const SNIFF_BYTES = 64 * 1024;
/** Files from this size are parsed and coerced by a worker thread while the main thread writes. */
export const PARSE_WORKER_MIN_BYTES = 4 * 1024 * 1024;
