import type { FormatContext } from '../../core/fields/field-type.ts';
import type { FieldDef } from '../tables/index.ts';
import { cellFormatter } from './cell-text.ts';
import { encodeGb18030 } from './gb18030.ts';
import { neutralize } from './neutralize.ts';

// CSV text of an export's rows.

export type CsvEncoding = 'utf-8' | 'gbk';

const NEEDS_QUOTES = /[",\r\n]/;
// Either reason to touch a cell: quoting, or a formula trigger (see neutralize.ts).
const NEEDS_WORK = /[",\r\n]|^[=+\-@\t\r]/;

export function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell whose text may start a formula: neutralized, then quoted if needed. */
export function guardedCsvCell(text: string): string {
  return NEEDS_WORK.test(text) ? csvCell(neutralize(text)) : text;
}

/** Per field, raw column value → CSV cell; number kinds format to digits, sign and symbol only, so no formula can start there. */
export function csvCellFormatters(fields: ReadonlyArray<Pick<FieldDef, 'fieldType' | 'options'>>, format: FormatContext): Array<(raw: unknown) => string> {
  return fields.map((field) => cellFormatter(field, format, field.fieldType.kind === 'number' ? csvCell : guardedCsvCell));
}

/** The header line, with the BOM Excel needs to read UTF-8. */
export function csvHeader(fields: ReadonlyArray<Pick<FieldDef, 'name'>>, encoding: CsvEncoding): Buffer {
  return encodeCsv(`${encoding === 'utf-8' ? '\uFEFF' : ''}${fields.map((field) => csvCell(neutralize(field.name))).join(',')}\r\n`, encoding);
}

/** Rows as SQLite returns them (`[id, ...columns]`) → CSV lines, CRLF after each. */
export function csvLines(rows: readonly unknown[][], cells: ReadonlyArray<(raw: unknown) => string>): string {
  const width = cells.length;
  let text = '';
  for (const row of rows) {
    let line = cells[0]!(row[1]);
    for (let i = 1; i < width; i++) line += `,${cells[i]!(row[i + 1])}`;
    text += `${line}\r\n`;
  }
  return text;
}

/**
 * UTF-8, or GB18030 (GBK's superset: every GBK character the same bytes, and no "?" for emoji
 * or rare name characters). UTF-8 skips Buffer.from's pass to measure the text first.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'gbk') return encodeGb18030(text);
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, buffer.write(text, 'utf8'));
}
