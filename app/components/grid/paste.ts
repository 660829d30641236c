import { fieldTypes } from '../../../core/fields/registry.ts';
import { deleteField, createField } from '../schema/schema-api.ts';
import { canEditSchema } from '../schema/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { addToRowCount, commitWrite, sendBatch, viewRowCount, type RowWrite } from './cell-batch.ts';
import { orderedFields } from './columns.ts';
import type { GridController } from './grid-controller.ts';
import { looksLikeHeaderRow, type NewColumn } from './paste-columns.ts';
import type { ExtraColumnsChoice } from './paste-new-fields.tsx';
import { currentBounds, MAX_RANGE_ROWS, rowsOf, tooBig } from './range-actions.ts';
import { fetchRecordsFrom } from './row-fetch.ts';
import type { PasteStep } from './undo-stack.ts';
import { currentView, maySaveView, patchView } from './view-actions.ts';

/**
 * An HTML table (Excel, WPS, Google Sheets) as rows of cell text: `tr` rows, `td`/`th`
 * cells, `colspan` repeated as empty cells, `<br>` and line breaks inside a cell as "\n".
 * Undefined when the HTML holds no table.
 */
export function parseHtmlTable(html: string): string[][] | undefined {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return undefined;
  const rows: string[][] = [];
  for (const tr of table.querySelectorAll('tr')) {
    const row: string[] = [];
    for (const td of tr.querySelectorAll('td, th')) {
      for (const br of td.querySelectorAll('br')) br.replaceWith('\n');
      const text = (td.textContent ?? '').replace(/\r\n?/g, '\n').replace(/[ \t\f\v\u00a0]+/g, ' ');
      row.push(text.split('\n').map((line) => line.trim()).join('\n'));
      const span = Number(td.getAttribute('colspan') ?? 1);
      for (let i = 1; i < Math.min(span, 1000); i++) row.push('');
    }
    rows.push(row);
  }
  return rows.length ? rows : undefined;
}

/** Tab-separated text with Excel's quoting ("…" around a cell with a tab, newline or quote; "" inside). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const input = text.replace(/\r\n?/g, '\n');
  let atStart = true;
  while (i < input.length) {
    const ch = input[i]!;
    if (atStart && ch === '"') {
      // A quoted cell runs to the quote that is not doubled.
      let j = i + 1;
      let value = '';
      while (j < input.length) {
        if (input[j] === '"') {
          if (input[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += input[j];
        j += 1;
      }
      const after = input[j + 1];
      if (j < input.length && (after === undefined || after === '\t' || after === '\n')) {
        cell = value;
        i = j + 1;
        atStart = false;
        continue;
      }
    }
    atStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** From this many lines a paste reads the TSV flavour when it has the HTML table's shape. */
const BIG_PASTE_LINES = 1000;

/**
 * The clipboard's cells: its HTML table when there is one, else its TSV. Both hold the same
 * text; the HTML is the safer read (line breaks in cells, apps that do not quote their TSV),
 * but parsing 100,000 cells as a DOM costs a noticeable part of a second. A big paste whose
 * TSV has as many rows as the HTML has `<tr>`s is read from the TSV.
 */
export function parseClipboard(html: string, text: string): string[][] {
  if (html && text && countOf(text, '\n') >= BIG_PASTE_LINES) {
    const rows = parseTsv(text);
    if (rows.length === (html.match(/<tr[\s>]/gi)?.length ?? 0)) return rows;
  }
  return (html ? parseHtmlTable(html) : undefined) ?? parseTsv(text);
}

function countOf(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count += 1;
  return count;
}

/**
 * Ctrl/Cmd+V: the cells from the selected cell rightwards and downwards, or one value
 * into every cell of a selected range. Existing rows are updated and rows past the last
 * one created, in one batch the server coerces (typecast) and one undo step. Columns past
 * the last field: an owner is offered new fields for them (paste-new-fields.tsx), anyone
 * else gets what fits and a message. Read-only fields are skipped, with a message.
 */
export async function pasteCells(ctrl: GridController, matrix: string[][]): Promise<void> {
  const { canEdit, cell } = ctrl.setup;
  const bounds = currentBounds(ctrl);
  if (!bounds || !matrix.length || !matrix[0]!.length) return;
  if (!canEdit) {
    ctrl.toasts.show(cell.t('paste.viewOnly'));
    return;
  }
  let cells = matrix;
  const single = matrix.length === 1 && matrix[0]!.length === 1;
  if (single && (bounds.bottom > bounds.top || bounds.right > bounds.left)) {
    if (tooBig(ctrl, bounds)) return;
    const value = matrix[0]![0]!;
    // One line per record of the range: a grouped view's header rows take none.
    const records = (await rowsOf(ctrl, bounds.top, bounds.bottom)).length;
    cells = Array.from({ length: records }, () => Array.from({ length: bounds.right - bounds.left + 1 }, () => value));
    if (!records) return;
  }
  if (cells.length > MAX_RANGE_ROWS + 1) {
    ctrl.toasts.show(cell.t('grid.rangeTooBig', { max: MAX_RANGE_ROWS }));
    return;
  }
  const width = Math.max(...cells.map((row) => row.length));
  // The columns as they are now: creating fields below reloads the schema, and the new
  // columns may already be in ctrl.columns (in the view's order) when the paste is written.
  const existingTargets = ctrl.columns.slice(bounds.left);
  const fitting = existingTargets.length;
  let newFields: string[] = [];
  let headers = false;
  if (width > fitting) {
    const choice = await chooseForExtraColumns(ctrl, cells, fitting);
    if (choice.kind === 'cancel') return;
    headers = choice.headers;
    if (choice.kind === 'create') {
      const created = await createPastedFields(ctrl, choice.columns);
      if (!created) return;
      newFields = created;
    }
  }
  const rows = headers ? cells.slice(1) : cells;
  if (rows.length > MAX_RANGE_ROWS) {
    ctrl.toasts.show(cell.t('grid.rangeTooBig', { max: MAX_RANGE_ROWS }));
    return;
  }
  const targets = [...existingTargets, ...newFields].slice(0, width);
  await writePaste(ctrl, rows, bounds.top, targets, width - targets.length);
}

/** The pasted text into `targets` from row `top` down: one write, one undo step. */
async function writePaste(ctrl: GridController, rows: readonly (readonly string[])[], top: number, targets: readonly string[], leftOut: number): Promise<void> {
  const { cell } = ctrl.setup;
  // A field the page does not know yet was just created for this paste: it is editable.
  const readOnly = targets.filter((id) => {
    const field = ctrl.fieldById.get(id);
    return field ? fieldTypes[field.type].readOnly : false;
  });
  // Lines land on the records from `top` down, past a grouped view's headers into the next
  // groups; only lines left over past the last row become new records (decision 0048).
  const total = viewRowCount(ctrl);
  const existing = top < total && rows.length ? await fetchRecordsFrom(ctrl, top, rows.length, total) : [];
  const valuesOf = (row: readonly string[]) => {
    const values: Record<string, unknown> = {};
    targets.forEach((fieldId, index) => {
      if (readOnly.includes(fieldId)) return;
      const text = row[index];
      if (text !== undefined) values[fieldId] = text === '' ? null : text;
    });
    return values;
  };
  const updates: RowWrite[] = [];
  existing.forEach((row, index) => {
    const values = valuesOf(rows[index]!);
    if (!Object.keys(values).length) return;
    updates.push({ id: row.id, values, before: Object.fromEntries(Object.keys(values).map((fieldId) => [fieldId, row.values[fieldId] ?? null])) });
  });
  const creates = rows.slice(existing.length).map(valuesOf);
  const result = await commitWrite(ctrl, { updates, creates, typecast: true });
  if (!result) return;
  ctrl.toasts.show(cell.t('grid.pasted', { count: result.updated.length + result.created.length }), { kind: 'info' });
  if (leftOut > 0) ctrl.toasts.show(cell.t('grid.pasteColumnsLeftOut', { count: leftOut }), { kind: 'info' });
  if (readOnly.length) ctrl.toasts.show(cell.t('grid.pasteReadOnly', { names: readOnly.map((id) => ctrl.fieldById.get(id)!.name).join(', ') }), { kind: 'info' });
}

/**
 * The paste is wider than the fields right of the selected cell. An owner chooses in a
 * dialog; anyone else, who may not add fields, gets what fits and is told why.
 */
async function chooseForExtraColumns(ctrl: GridController, cells: readonly (readonly string[])[], fitting: number): Promise<ExtraColumnsChoice> {
  const landing = ctrl.columns.slice(ctrl.columns.length - fitting).map((id) => ctrl.fieldById.get(id)?.name ?? '');
  const headers = looksLikeHeaderRow(cells, landing);
  if (!canEditSchema(ctrl.setup.role)) {
    const width = Math.max(...cells.map((row) => row.length));
    ctrl.toasts.show(ctrl.setup.cell.t('paste.ownersAddFields', { count: width - fitting }), { kind: 'info' });
    return { kind: 'fit', headers: false, columns: [] };
  }
  // The dialog (and React DOM's root API) loads only when a paste needs it.
  const { askAboutExtraColumns } = await import('./paste-new-fields.tsx');
  return askAboutExtraColumns(ctrl, cells, fitting, headers);
}

/**
 * The new fields, one by one in the pasted order, then placed after the view's last
 * column. If one cannot be created, the ones before it are deleted again and nothing is
 * pasted: the table is left as it was.
 */
async function createPastedFields(ctrl: GridController, columns: readonly NewColumn[]): Promise<string[] | undefined> {
  const { tableId, cell } = ctrl.setup;
  const created: string[] = [];
  for (const column of columns) {
    try {
      created.push((await createField(tableId, { name: column.name, type: column.type, options: column.options })).id);
    } catch (error) {
      await Promise.allSettled(created.map((id) => deleteField(tableId, id)));
      ctrl.toasts.show(cell.t('paste.createFailed', { name: column.name, message: apiErrorText(cell.t, error) }));
      ctrl.reloadSchema();
      return undefined;
    }
  }
  placeAfterLastColumn(ctrl, created);
  return created;
}

/** New fields go right after the view's last visible column (hidden fields keep their places). */
function placeAfterLastColumn(ctrl: GridController, fieldIds: readonly string[]): void {
  const view = currentView(ctrl);
  if (!view || !maySaveView(ctrl)) {
    ctrl.reloadSchema();
    return;
  }
  // The schema may have reloaded while the fields were created: some of them can already
  // be in the page's fields and columns, at the table's end.
  const fresh = new Set(fieldIds);
  const order = orderedFields(ctrl.setup.allFields, view).map((field) => field.id).filter((id) => !fresh.has(id));
  const last = ctrl.columns.filter((id) => !fresh.has(id)).at(-1);
  order.splice(last ? order.indexOf(last) + 1 : order.length, 0, ...fieldIds);
  void patchView(ctrl, { fieldOrder: order });
}

/** Undo of a paste or fill: old values back and the created rows deleted; redo sets the new values and creates the rows again. */
export async function replayPaste(ctrl: GridController, step: PasteStep, redo: boolean): Promise<boolean> {
  const byRecord = new Map<string, Record<string, unknown>>();
  const other = new Map<string, Record<string, unknown>>();
  for (const change of step.changes) {
    byRecord.set(change.recordId, { ...byRecord.get(change.recordId), [change.fieldId]: redo ? change.after : change.before });
    other.set(change.recordId, { ...other.get(change.recordId), [change.fieldId]: redo ? change.before : change.after });
  }
  const updates = [...byRecord].map(([id, values]) => ({ id, values }));
  try {
    const result = await sendBatch(ctrl, redo ? { updates, creates: step.created.map((row) => row.values) } : { updates, deletes: step.created.map((row) => row.id) }, other);
    for (const row of result.updated) ctrl.applyPatch(row.id, row.version, row.values);
    if (redo) step.created = step.created.map((row, index) => ({ ...row, id: result.created[index]?.id ?? row.id }));
    if (step.created.length) addToRowCount(ctrl, redo ? step.created.length : -step.created.length);
    ctrl.refresh();
    return true;
  } catch (error) {
    ctrl.toasts.show(ctrl.setup.cell.t('grid.saveFailed', { message: (error as Error).message }));
    return false;
  }
}

/** Listens for paste on the grid's element while no editor is open (an open editor pastes into itself). */
export function attachPaste(ctrl: GridController, element: HTMLElement): () => void {
  const onPaste = (event: ClipboardEvent) => {
    if (ctrl.editing || ctrl.api?.getEditingCells().length || !event.clipboardData) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('.ag-header, .ag-popup-editor, input, [contenteditable="true"]')) return;
    const matrix = parseClipboard(event.clipboardData.getData('text/html'), event.clipboardData.getData('text/plain'));
    event.preventDefault();
    void ctrl.trackStep(pasteCells(ctrl, matrix));
  };
  element.addEventListener('paste', onPaste);
  return () => element.removeEventListener('paste', onPaste);
}
