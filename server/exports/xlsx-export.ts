import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { FormatContext } from '../../core/fields/field-type.ts';
import { epochToWallTime } from '../../core/values/time-zone.ts';
import type { AppContext } from '../context.ts';
import { columnLetter } from '../imports/import-error.ts';
import type { FieldDef } from '../tables/index.ts';
import { remembered } from './cell-text.ts';
import { exportRawPages, type ExportSelection } from './export-rows.ts';
import { neutralize } from './neutralize.ts';
import { escapeXml, XlsxStyles, type CellKind } from './xlsx-styles.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Characters XML 1.0 cannot hold at all; a cell with them would make the file unreadable.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * A one-sheet .xlsx, streamed: the sheet's XML is generated page by page into the zip
 * (yazl deflates it as it goes), so a million rows never sit in memory. Numbers, amounts and
 * percentages are numbers with the field's number format, dates are Excel dates (wall time
 * in the field's or base's zone), checkboxes booleans, the rest inline strings.
 */
export function xlsxStream(ctx: AppContext, selection: ExportSelection, format: FormatContext, sheetName: string): Readable {
  const styles = new XlsxStyles();
  const kinds = selection.fields.map((field) => styles.cellKind(field));
  const zip = new yazl.ZipFile();
  const name = escapeXml(sheetName.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'Sheet1');
  zip.addBuffer(Buffer.from(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`), '_rels/.rels');
  zip.addBuffer(Buffer.from(`${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(Buffer.from(styles.xml()), 'xl/styles.xml');
  zip.addReadStream(Readable.from(sheetXml(ctx, selection, format, kinds, styles.headerStyle)), 'xl/worksheets/sheet1.xml');
  zip.end();
  return zip.outputStream as Readable;
}

async function* sheetXml(ctx: AppContext, selection: ExportSelection, format: FormatContext, kinds: CellKind[], headerStyle: number): AsyncGenerator<Buffer> {
  const { fields } = selection;
  const letters = fields.map((_, i) => columnLetter(i));
  let xml = `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData><row r="1">`;
  fields.forEach((field, i) => (xml += `<c r="${letters[i]}1" s="${headerStyle}" t="inlineStr">${inlineText(field.name)}</c>`));
  xml += '</row>';
  yield Buffer.from(xml);
  // Per field: what follows `<c r="A2"` for a raw column value, '' for no cell; built once, remembered per value.
  const tails = fields.map((field, i) => remembered((raw) => cellTail(field, kinds[i]!, field.fieldType.fromStorage(raw, field.options), format)));
  const width = fields.length;
  let r = 1;
  for (const page of exportRawPages(ctx, selection)) {
    xml = '';
    for (const row of page) {
      r++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < width; i++) {
        const tail = tails[i]!(row[i + 1]);
        if (tail !== '') xml += `<c r="${letters[i]}${r}"${tail}`;
      }
      xml += '</row>';
    }
    yield Buffer.from(xml);
  }
  yield Buffer.from('</sheetData></worksheet>');
}

const inlineText = (value: string) => `<is><t xml:space="preserve">${escapeXml(value.replace(INVALID_XML, ''))}</t></is>`;

/** A cell after its reference: typed numbers, dates and booleans, else the formatted text. */
function cellTail(field: FieldDef, kind: CellKind, value: unknown, format: FormatContext): string {
  if (value === null || value === undefined) return '';
  if (kind.kind === 'number' && typeof value === 'number') return `${kind.style ? ` s="${kind.style}"` : ''}><v>${value}</v></c>`;
  if (kind.kind === 'date' && typeof value === 'string') return ` s="${kind.style}"><v>${excelSerial(value, field.options.timeZone as string | undefined ?? format.timeZone)}</v></c>`;
  if (kind.kind === 'boolean') return value === true ? ' t="b"><v>1</v></c>' : '';
  const shown = field.fieldType.format(value, field.options, format);
  return shown === '' ? '' : ` t="inlineStr">${inlineText(neutralize(shown))}</c>`;
}

/** 'YYYY-MM-DD' → whole days since 1899-12-30; an instant → the wall time in `timeZone` as days and fraction. */
function excelSerial(value: string, timeZone: string): number {
  if (value.length === 10) return (Date.parse(`${value}T00:00:00Z`) - EXCEL_EPOCH) / DAY;
  const wall = epochToWallTime(Date.parse(value), timeZone);
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  return Number.parseFloat(((local - EXCEL_EPOCH) / DAY).toFixed(10));
}
