import iconv from 'iconv-lite';
import type { FormatContext } from '../../core/fields/field-type.ts';
import type { AppContext } from '../../server/context.ts';
import type { FieldDef, TableSchema } from '../../server/tables/index.ts';
import { neutralize } from '../../server/exports/neutralize.ts';
import { escapeXml, XlsxStyles } from '../../server/exports/xlsx-styles.ts';
import { columnLetter } from '../../server/imports/import-error.ts';
import { epochToWallTime } from '../../core/values/time-zone.ts';

// The CSV and .xlsx exporters as they were before the fast path (commit 3b6697b): every cell through
// fromStorage, format, neutralize and a quoting regex, rows read 500 ids at a time. Kept
// only so that tests can check the fast exporter writes the very same bytes.

const NEEDS_QUOTES = /[",\r\n]/;
function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function* pages(ctx: AppContext, schema: TableSchema, fields: FieldDef[], ids: number[]): Generator<unknown[][]> {
  const columns = fields.map((field) => `"${field.column}"`).join(', ');
  const statementFor = (size: number) =>
    ctx.db.sqlite.prepare(`SELECT id, ${columns} FROM "${schema.sqlTable}" WHERE id IN (${new Array(size).fill('?').join(', ')})`).raw(true);
  for (let start = 0; start < ids.length; start += 500) {
    const pageIds = ids.slice(start, start + 500);
    const rows = statementFor(pageIds.length).all(...pageIds) as unknown[][];
    const byId = new Map(rows.map((row) => [row[0] as number, row]));
    const page: unknown[][] = [];
    for (const id of pageIds) {
      const row = byId.get(id);
      if (!row) continue;
      page.push(fields.map((field, i) => field.fieldType.fromStorage(row[i + 1], field.options)));
    }
    yield page;
  }
}

export function referenceCsv(ctx: AppContext, schema: TableSchema, fields: FieldDef[], ids: number[], format: FormatContext, encoding: 'utf-8' | 'gbk'): Buffer {
  const encode = (text: string) => (encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'));
  const safe = fields.map((field) => field.fieldType.kind === 'number');
  const chunks = [encode(`${encoding === 'utf-8' ? '\uFEFF' : ''}${fields.map((field) => csvCell(neutralize(field.name))).join(',')}\r\n`)];
  for (const page of pages(ctx, schema, fields, ids)) {
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
    chunks.push(encode(text));
  }
  return Buffer.concat(chunks);
}

// The .xlsx sheet part as it was written before the fast path (same commit).
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function referenceSheetXml(ctx: AppContext, schema: TableSchema, fields: FieldDef[], ids: number[], format: FormatContext): string {
  const styles = new XlsxStyles();
  const kinds = fields.map((field) => styles.cellKind(field));
  const letters = fields.map((_, i) => columnLetter(i));
  const text = (value: string) => `<is><t xml:space="preserve">${escapeXml(value.replace(INVALID_XML, ''))}</t></is>`;
  let xml = `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData><row r="1">`;
  fields.forEach((field, i) => (xml += `<c r="${letters[i]}1" s="${styles.headerStyle}" t="inlineStr">${text(field.name)}</c>`));
  xml += '</row>';
  let r = 1;
  for (const page of pages(ctx, schema, fields, ids)) {
    for (const values of page) {
      r++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < fields.length; i++) {
        const value = values[i];
        if (value === null || value === undefined) continue;
        const kind = kinds[i]!;
        const ref = `${letters[i]}${r}`;
        if (kind.kind === 'number' && typeof value === 'number') xml += `<c r="${ref}"${kind.style ? ` s="${kind.style}"` : ''}><v>${value}</v></c>`;
        else if (kind.kind === 'date' && typeof value === 'string') xml += `<c r="${ref}" s="${kind.style}"><v>${excelSerial(value, fields[i]!.options.timeZone as string | undefined ?? format.timeZone)}</v></c>`;
        else if (kind.kind === 'boolean') xml += value === true ? `<c r="${ref}" t="b"><v>1</v></c>` : '';
        else {
          const shown = fields[i]!.fieldType.format(value, fields[i]!.options, format);
          if (shown !== '') xml += `<c r="${ref}" t="inlineStr">${text(neutralize(shown))}</c>`;
        }
      }
      xml += '</row>';
    }
  }
  return `${xml}</sheetData></worksheet>`;
}

function excelSerial(value: string, timeZone: string): number {
  if (value.length === 10) return (Date.parse(`${value}T00:00:00Z`) - EXCEL_EPOCH) / DAY;
  const wall = epochToWallTime(Date.parse(value), timeZone);
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  return Number.parseFloat(((local - EXCEL_EPOCH) / DAY).toFixed(10));
}
