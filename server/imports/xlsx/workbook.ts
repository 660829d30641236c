import { AppError } from '../../errors.ts';
import { classifyNumberFormat, type NumberFormatKind } from './number-formats.ts';
import { parseXml, xmlParser } from './xml.ts';
import type { ZipArchive } from './zip-archive.ts';

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The sheet's part in the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  /** Number format kind by cell style index (the `s` attribute of a cell). */
  styles: NumberFormatKind[];
  sharedStrings: string[];
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Reads what every sheet needs: the sheet list, the cell styles' number formats, the shared strings. */
export async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const workbookPart = zip.has('_rels/.rels') ? findOfficeDocument(await zip.readText('_rels/.rels')) : 'xl/workbook.xml';
  const dir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const relsPart = `${dir}_rels/${workbookPart.slice(dir.length)}.rels`;
  const rels = zip.has(relsPart) ? readRelationships(relsPart, await zip.readText(relsPart), dir) : new Map<string, { type: string; part: string }>();
  const sheets = readSheets(workbookPart, await zip.readText(workbookPart), rels);
  if (!sheets.length) throw new AppError('INVALID_REQUEST', 'the .xlsx file has no sheets');
  const partOf = (type: string) => [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`))?.part;
  const stylesPart = partOf('styles');
  const stringsPart = partOf('sharedStrings');
  return {
    sheets,
    styles: stylesPart && zip.has(stylesPart) ? readStyles(stylesPart, await zip.readText(stylesPart)) : [],
    sharedStrings: stringsPart && zip.has(stringsPart) ? await readSharedStrings(zip, stringsPart) : [],
  };
}

function findOfficeDocument(text: string): string {
  let target = 'xl/workbook.xml';
  parseXml('_rels/.rels', text, {
    open(name, attrs) {
      if (name === 'Relationship' && REL_OFFICE_DOCUMENT.test(attrs.Type ?? '') && attrs.Target) target = attrs.Target.replace(/^\/+/, '');
    },
  });
  return target;
}

function readRelationships(part: string, text: string, dir: string): Map<string, { type: string; part: string }> {
  const rels = new Map<string, { type: string; part: string }>();
  parseXml(part, text, {
    open(name, attrs) {
      if (name !== 'Relationship' || !attrs.Id || !attrs.Target) return;
      const target = attrs.Target.startsWith('/') ? attrs.Target.slice(1) : normalizePath(`${dir}${attrs.Target}`);
      rels.set(attrs.Id, { type: attrs.Type ?? '', part: target });
    },
  });
  return rels;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function readSheets(part: string, text: string, rels: Map<string, { type: string; part: string }>): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = [];
  parseXml(part, text, {
    open(name, attrs) {
      if (name !== 'sheet') return;
      const relId = attrs['r:id'] ?? Object.entries(attrs).find(([key]) => key.endsWith(':id'))?.[1];
      const rel = relId ? rels.get(relId) : undefined;
      // Chart sheets and dialog sheets have no cells to import.
      if (!rel || !rel.type.endsWith('/worksheet')) return;
      sheets.push({ name: attrs.name ?? `Sheet${sheets.length + 1}`, hidden: (attrs.state ?? 'visible') !== 'visible', part: rel.part });
    },
  });
  return sheets;
}

function readStyles(part: string, text: string): NumberFormatKind[] {
  const codes = new Map<number, string>();
  const styles: NumberFormatKind[] = [];
  let inCellXfs = false;
  parseXml(part, text, {
    open(name, attrs) {
      if (name === 'numFmt' && attrs.numFmtId !== undefined) codes.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        styles.push(classifyNumberFormat(id, codes.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** Each <si> is one string: its <t> runs joined, without phonetic guides (<rPh>). */
async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser(part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) current += text;
    },
  });
  zip.requireWholePart(part);
  for await (const chunk of zip.streamText(part)) parser.write(chunk);
  parser.end();
  return strings;
}
