import iconv from 'iconv-lite';
import type { FormatContext } from '../../core/fields/field-type.ts';
import type { AppContext } from '../context.ts';
import { exportPages, type ExportSelection } from './export-rows.ts';
import { neutralize } from './neutralize.ts';

export type CsvEncoding = 'utf-8' | 'gbk';

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV as Excel reads it: CRLF, values as the grid shows them (field type `format`), and
 * either UTF-8 with a BOM (without it Excel takes the bytes for the system code page and
 * Chinese turns to mojibake) or GBK for old Excel on Chinese Windows — encoded as GB18030,
 * GBK's superset, so characters GBK lacks (emoji, rare names) survive instead of becoming "?".
 */
export async function* csvChunks(ctx: AppContext, selection: ExportSelection, format: FormatContext, encoding: CsvEncoding): AsyncGenerator<Buffer> {
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'));
  const { fields } = selection;
  // Number kinds format to digits, sign and symbol only: no formula can start there.
  const safe = fields.map((field) => field.fieldType.kind === 'number');
  const header = fields.map((field) => csvCell(neutralize(field.name))).join(',');
  yield encode(`${encoding === 'utf-8' ? '\uFEFF' : ''}${header}\r\n`);
  for (const page of exportPages(ctx, selection)) {
    let text = '';
    for (const values of page) {
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i]!;
        const shown = field.fieldType.format(values[i] ?? null, field.options, format);
        if (i > 0) text += ',';
        text += csvCell(safe[i] ? shown : neutralize(shown));
      }
      text += '\r\n';
    }
    yield encode(text);
  }
}
