import type { FormatContext } from '../../core/fields/field-type.ts';
import type { AppContext } from '../context.ts';
import { csvPages } from './csv-pages.ts';
import { csvCellFormatters, csvHeader, encodeCsv, type CsvEncoding } from './csv-text.ts';
import { requireExportFields, type ExportSelection } from './export-rows.ts';

export type { CsvEncoding } from './csv-text.ts';

/** Text per chunk handed to the encoder and the socket: per-chunk costs vanish, and the 16 chunks a stream may buffer stay small. */
const CHUNK_CHARS = 1 << 18;

/**
 * A CSV as Excel reads it: CRLF, values as the grid shows them (field type `format`), and
 * either UTF-8 with a BOM (without it Excel takes the bytes for the system code page and
 * Chinese turns to mojibake) or GBK for old Excel on Chinese Windows — encoded as GB18030,
 * GBK's superset, so characters GBK lacks (emoji, rare names) survive instead of becoming "?".
 * Rows are read raw and each field's cell text comes from a formatter built once
 * (cell-text.ts), except adjacent text-like fields, which SQLite joins into one string per
 * row (csv-pages.ts); text is handed on in chunks of 256K characters, each awaited by the
 * stream's reader.
 */
export async function* csvChunks(ctx: AppContext, selection: ExportSelection, format: FormatContext, encoding: CsvEncoding): AsyncGenerator<Buffer> {
  const fields = requireExportFields(selection);
  yield csvHeader(fields, encoding);
  const cells = csvCellFormatters(fields, format);
  let text = '';
  for (const page of csvPages(ctx.db.sqlite, selection.schema.sqlTable, fields, cells, selection.order)) {
    text += page;
    if (text.length >= CHUNK_CHARS) {
      yield encodeCsv(text, encoding);
      text = '';
    }
  }
  if (text) yield encodeCsv(text, encoding);
}
