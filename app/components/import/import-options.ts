import { fieldTypes, isStoredTypeName, type StoredTypeName } from '../../../core/fields/index.ts';
import type { ImportTarget, PreviewColumn, PreviewSheet } from './import-types.ts';

// The wizard's choices and the `options` JSON they become (docs/imports.md "Options").
// Pure, so the mapping rules are unit-tested without a browser.

/** Where one column goes: nowhere, a field the import creates, or an existing field (by id). */
export type ColumnDestination = { kind: 'skip' } | { kind: 'new' } | { kind: 'field'; fieldId: string };

export interface ColumnChoice {
  index: number;
  /** The header as the file has it (the preview's name). */
  header: string;
  inferredType: StoredTypeName;
  destination: ColumnDestination;
  /** For a new field: its name and type, the header and inferred type unless changed. */
  name: string;
  type: StoredTypeName;
}

export interface SheetChoice {
  name: string;
  selected: boolean;
  /** The header row the preview was read with. */
  headerRow: number;
  /** The header row the file's own detection found, so only a change is sent. */
  detectedHeaderRow: number;
  skipHiddenRows: boolean;
  /** Name of the new table (new-table imports). */
  tableName: string;
  columns: ColumnChoice[];
  /** Upsert key: an existing field's id (imports into an existing table). */
  keyField: string | null;
}

/** The options part of an import upload, as server/imports/import-options.ts validates it. */
export interface ImportOptions {
  sheets?: SheetOptions[];
}

export interface SheetOptions {
  name: string;
  headerRow?: number;
  tableId?: string;
  tableName?: string;
  skipHiddenRows?: boolean;
  keyField?: string;
  columns?: ColumnOptions[];
}

export interface ColumnOptions {
  column: number;
  skip?: boolean;
  field?: string;
  name?: string;
  type?: string;
}

// Width- and case-insensitive, as the server matches a column to a field of the same name.
export const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** Key fields compare stored values exactly: text, numbers, dates and selects can (server/imports/plan.ts). */
const KEY_KINDS = new Set(['text', 'number', 'date', 'select']);

export function canBeKey(type: string): boolean {
  return isStoredTypeName(type) && KEY_KINDS.has(fieldTypes[type].kind);
}

export function isWritableType(type: string): boolean {
  return isStoredTypeName(type) && !fieldTypes[type].readOnly;
}

/** A column's first destination: into an existing table, the field of the same name, else a new field (if allowed) or nothing. */
export function initialDestination(column: PreviewColumn, target: ImportTarget): ColumnDestination {
  if (target.kind === 'new') return { kind: 'new' };
  const same = target.fields.find((field) => nameKey(field.name) === nameKey(column.name) && isWritableType(field.type));
  if (same) return { kind: 'field', fieldId: same.id };
  return target.canCreateFields ? { kind: 'new' } : { kind: 'skip' };
}

/**
 * The choices for a freshly read preview. `previous` (the same sheets before the header row
 * changed) keeps what the person already decided for columns that still have the same header.
 */
export function initialSheets(sheets: readonly PreviewSheet[], target: ImportTarget, fileName: string, previous: readonly SheetChoice[] = []): SheetChoice[] {
  const usable = sheets.filter((sheet) => !sheet.empty);
  const firstVisible = usable.find((sheet) => !sheet.hidden);
  return usable.map((sheet) => {
    const before = previous.find((choice) => choice.name === sheet.name);
    const columns = sheet.columns.map((column): ColumnChoice => {
      const kept = before?.columns.find((choice) => choice.index === column.index && choice.header === column.name);
      if (kept) return kept;
      return { index: column.index, header: column.name, inferredType: column.type, destination: initialDestination(column, target), name: column.name, type: column.type };
    });
    // Into one existing table: one sheet. Into new tables: every visible sheet, as the server would.
    const selected = before?.selected ?? (target.kind === 'existing' ? sheet === firstVisible : !sheet.hidden);
    return {
      name: sheet.name,
      selected,
      headerRow: sheet.headerRow,
      detectedHeaderRow: before?.detectedHeaderRow ?? sheet.headerRow,
      skipHiddenRows: before?.skipHiddenRows ?? false,
      tableName: before?.tableName ?? defaultTableName(sheets.length, sheet.name, fileName),
      columns,
      keyField: before?.keyField ?? null,
    };
  });
}

/** A one-sheet file (CSV) names its table after the file; a workbook's tables take the sheets' names. */
function defaultTableName(sheetCount: number, sheetName: string, fileName: string): string {
  const base = sheetCount === 1 ? fileName.replace(/\.[^.]*$/, '').trim() || sheetName : sheetName;
  return base.slice(0, 100);
}

/**
 * Every column is listed explicitly, so what the person saw is what happens: a skipped
 * column says skip; a column into an existing field names the field's id; a new field sends
 * a name or type only where they differ from the file's header and the inferred type (the
 * server then keeps the inferred options, such as a currency's symbol or select choices).
 */
export function buildImportOptions(target: ImportTarget, sheets: readonly SheetChoice[]): ImportOptions {
  const chosen = sheets.filter((sheet) => sheet.selected);
  return {
    sheets: chosen.map((sheet): SheetOptions => {
      const options: SheetOptions = { name: sheet.name };
      if (sheet.headerRow !== sheet.detectedHeaderRow) options.headerRow = sheet.headerRow;
      if (target.kind === 'existing') options.tableId = target.tableId;
      else options.tableName = sheet.tableName.trim() || sheet.name;
      if (sheet.skipHiddenRows) options.skipHiddenRows = true;
      if (target.kind === 'existing' && sheet.keyField && keyFieldMapped(sheet, sheet.keyField)) options.keyField = sheet.keyField;
      options.columns = sheet.columns.map((column) => columnOptions(column));
      return options;
    }),
  };
}

function columnOptions(column: ColumnChoice): ColumnOptions {
  switch (column.destination.kind) {
    case 'skip':
      return { column: column.index, skip: true };
    case 'field':
      return { column: column.index, field: column.destination.fieldId };
    case 'new': {
      const options: ColumnOptions = { column: column.index };
      const name = column.name.trim();
      // Sending the header as the name marks the column as a new field even when nothing changed.
      options.name = name || column.header;
      if (column.type !== column.inferredType) options.type = column.type;
      return options;
    }
  }
}

export function keyFieldMapped(sheet: SheetChoice, fieldId: string): boolean {
  return sheet.columns.some((column) => column.destination.kind === 'field' && column.destination.fieldId === fieldId);
}

/** What stops the import from starting, if anything (shown beside the Start button). */
export type ChoiceProblem = 'noSheet' | 'noColumn' | 'emptyName' | 'duplicateName' | 'fieldTwice';

export function choiceProblem(target: ImportTarget, sheets: readonly SheetChoice[]): { problem: ChoiceProblem; sheet?: string; name?: string } | null {
  const chosen = sheets.filter((sheet) => sheet.selected);
  if (!chosen.length) return { problem: 'noSheet' };
  for (const sheet of chosen) {
    const imported = sheet.columns.filter((column) => column.destination.kind !== 'skip');
    if (!imported.length) return { problem: 'noColumn', sheet: sheet.name };
    const names = new Set<string>(target.kind === 'existing' ? target.fields.map((field) => nameKey(field.name)) : []);
    for (const column of imported) {
      if (column.destination.kind !== 'new') continue;
      const name = column.name.trim();
      if (!name) return { problem: 'emptyName', sheet: sheet.name };
      if (names.has(nameKey(name))) return { problem: 'duplicateName', sheet: sheet.name, name };
      names.add(nameKey(name));
    }
    const fields = imported.flatMap((column) => (column.destination.kind === 'field' ? [column.destination.fieldId] : []));
    const twice = fields.find((id, i) => fields.indexOf(id) !== i);
    if (twice) {
      const name = target.kind === 'existing' ? target.fields.find((field) => field.id === twice)?.name : undefined;
      return { problem: 'fieldTwice', sheet: sheet.name, ...(name ? { name } : {}) };
    }
  }
  return null;
}
