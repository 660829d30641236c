import iconv from 'iconv-lite';
import type { FormatContext } from '../../core/fields/field-type.ts';
import type { AppContext } from '../context.ts';
import { cellFormatter } from './cell-text.ts';
import { exportRawPages, type ExportSelection } from './export-rows.ts';
import { neutralize } from './neutralize.ts';

export type CsvEncoding = 'utf-8' | 'gbk';

const NEEDS_QUOTES = /[",\r\n]/;
// Either reason to touch a cell: quoting, or a formula trigger (see neutralize.ts).
const NEEDS_WORK = /[",\r\n]|^[=+\-@\t\r]/;
/** Text per chunk handed to the encoder and the socket: per-chunk costs vanish, and the 16 chunks a stream may buffer stay small. */
const CHUNK_CHARS = 1 << 18;

/** UTF-8 without Buffer.from's extra pass to measure the text first (≤ 3 bytes per UTF-16 unit). */
function utf8(text: string): Buffer {
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, buffer.write(text, 'utf8'));
}

export function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell whose text may start a formula: neutralized, then quoted if needed. */
export function guardedCsvCell(text: string): string {
  return NEEDS_WORK.test(text) ? csvCell(neutralize(text)) : text;
}

/**
 * A CSV as Excel reads it: CRLF, values as the grid shows them (field type `format`), and
 * either UTF-8 with a BOM (without it Excel takes the bytes for the system code page and
 * Chinese turns to mojibake) or GBK for old Excel on Chinese Windows — encoded as GB18030,
 * GBK's superset, so characters GBK lacks (emoji, rare names) survive instead of becoming "?".
 * Rows are read raw and each field's cell text comes from a formatter built once
 * (cell-text.ts); text is handed on in chunks of 256K characters, each awaited by the stream's reader.
 */
export async function* csvChunks(ctx: AppContext, selection: ExportSelection, format: FormatContext, encoding: CsvEncoding): AsyncGenerator<Buffer> {
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gb18030') : utf8(text));
  const { fields } = selection;
  // Number kinds format to digits, sign and symbol only: no formula can start there.
  const cells = fields.map((field) => cellFormatter(field, format, field.fieldType.kind === 'number' ? csvCell : guardedCsvCell));
  const header = fields.map((field) => csvCell(neutralize(field.name))).join(',');
  yield encode(`${encoding === 'utf-8' ? '\uFEFF' : ''}${header}\r\n`);
  const width = fields.length;
  let text = '';
  for (const page of exportRawPages(ctx, selection)) {
    for (const row of page) {
      let line = cells[0]!(row[1]);
      for (let i = 1; i < width; i++) line += `,${cells[i]!(row[i + 1])}`;
      text += `${line}\r\n`;
    }
    if (text.length >= CHUNK_CHARS) {
      yield encode(text);
      text = '';
    }
  }
  if (text) yield encode(text);
}
