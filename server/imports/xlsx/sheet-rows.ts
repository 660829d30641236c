import { IMPORT_LIMITS } from '../limits.ts';
import { columnLetter, fileError } from '../import-error.ts';
import type { SourceCell, SourceRow } from '../source.ts';
import type { MergeFiller } from './merged-ranges.ts';
import type { NumberFormatKind } from './number-formats.ts';
import type { Workbook } from './workbook.ts';
import { xmlParser } from './xml.ts';
import type { ZipArchive } from './zip-archive.ts';

/** What a sheet says before its rows: its used range and hidden columns. */
export interface SheetHead {
  lastRow?: number;
  hiddenColumns: number[];
}

/** "BC12" → column index 54 (0-based); undefined when the reference has no letters. */
function columnIndex(ref: string): number | undefined {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return i === 0 ? undefined : index - 1;
}

/**
 * Streams a sheet's rows out of its XML: cells by their reference, values by their type
 * (shared string, inline string, boolean, error, number) and numbers by their style's
 * number format, so dates, percentages and amounts keep their meaning. With `merges`, each
 * row with a value of its own gets its merged ranges' values (merged-ranges.ts).
 */
export async function* readSheetRows(zip: ZipArchive, workbook: Workbook, sheet: { name: string; part: string }, head: SheetHead, onBytes: (n: number) => void, merges?: MergeFiller): AsyncGenerator<SourceRow[]> {
  let pending: SourceRow[] = [];
  let row: SourceRow | undefined;
  let lastRow = 0;
  let cell: { column: number; type: string; style: number } | undefined;
  let nextColumn = 0;
  let value = '';
  let collecting = false;
  let phonetic = 0;
  const place = (column?: number) => ({ sheet: sheet.name, row: row?.row, column: column === undefined ? undefined : columnLetter(column) });

  const parser = xmlParser(sheet.part, {
    open(name, attrs) {
      switch (name) {
        case 'dimension': {
          const last = /(\d+)$/.exec(attrs.ref ?? '')?.[1];
          if (last) head.lastRow = Number(last);
          break;
        }
        case 'col':
          if (attrs.hidden === '1' || attrs.hidden === 'true') {
            for (let c = Number(attrs.min) - 1; c < Math.min(Number(attrs.max), IMPORT_LIMITS.columns + 1); c++) head.hiddenColumns.push(c);
          }
          break;
        case 'row':
          lastRow = attrs.r ? Number(attrs.r) : lastRow + 1;
          row = { row: lastRow, cells: [], ...(attrs.hidden === '1' || attrs.hidden === 'true' ? { hidden: true } : {}) };
          nextColumn = 0;
          break;
        case 'c':
          cell = { column: (attrs.r ? columnIndex(attrs.r) : undefined) ?? nextColumn, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0) };
          nextColumn = cell.column + 1;
          value = '';
          break;
        case 'v':
          collecting = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && phonetic === 0) collecting = true;
          break;
      }
    },
    text(text) {
      if (!collecting) return;
      value += text;
      if (value.length > IMPORT_LIMITS.cellChars) {
        throw fileError('TOO_LARGE', place(cell?.column), `the cell is longer than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters, the most a cell may hold`);
      }
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && row) {
        const parsed = cellValue(cell.type, value, workbook.styles[cell.style]);
        if (parsed !== null) {
          if (cell.column >= IMPORT_LIMITS.columns) {
            throw fileError('TOO_LARGE', place(cell.column), `the sheet has a value beyond column ${IMPORT_LIMITS.columns}; a table has at most ${IMPORT_LIMITS.columns} fields`);
          }
          row.cells[cell.column] = parsed;
        }
        cell = undefined;
      } else if (name === 'row' && row) {
        if (row.cells.length) {
          merges?.fill(row);
          for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= null;
          pending.push(row);
        }
        row = undefined;
      }
    },
  });

  function cellValue(type: string, text: string, format: NumberFormatKind | undefined): SourceCell {
    switch (type) {
      case 's': {
        const shared = workbook.sharedStrings[Number(text)];
        return shared === undefined || shared === '' ? null : shared;
      }
      case 'inlineStr': case 'str': case 'd': return text === '' ? null : text;
      case 'b': return text === '1' || text === 'true';
      case 'e': return text; // #N/A, #DIV/0!: shown as the error text, which no number field accepts
      default: {
        if (text.trim() === '') return null;
        const number = Number(text);
        if (!Number.isFinite(number)) return text;
        switch (format?.kind) {
          case 'date': return { value: number, format: format.time ? 'datetime' : 'date' };
          case 'percent': return { value: number, format: 'percent' };
          case 'currency': return { value: number, format: 'currency', symbol: format.symbol };
          case 'text': return text;
          default: return number;
        }
      }
    }
  }

  for await (const chunk of zip.streamText(sheet.part, onBytes)) {
    parser.write(chunk);
    if (pending.length) {
      yield pending;
      pending = [];
    }
  }
  parser.end();
  if (pending.length) yield pending;
}
