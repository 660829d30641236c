import { fieldTypes } from '../../../core/fields/registry.ts';
import type { GridController } from './grid-controller.ts';
import { currentBounds, MAX_RANGE_ROWS, rowsOf, tooBig } from './range-actions.ts';
import type { CellChange } from './types.ts';
import type { PasteStep } from './undo-stack.ts';

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

/** The clipboard's cells: its HTML table when there is one, else its TSV. */
export function parseClipboard(html: string, text: string): string[][] {
  return (html ? parseHtmlTable(html) : undefined) ?? parseTsv(text);
}

/**
 * Ctrl/Cmd+V: the cells from the selected cell rightwards and downwards, or one value
 * into every cell of a selected range. Existing rows are updated and rows past the last
 * one created, in one batch the server coerces (typecast) and one undo step. Read-only
 * fields are skipped and columns past the last field left out, with a toast saying so.
 */
export async function pasteCells(ctrl: GridController, matrix: string[][]): Promise<void> {
  const { canEdit, cell } = ctrl.setup;
  const bounds = currentBounds(ctrl);
  if (!bounds || !canEdit || !matrix.length || !matrix[0]!.length) return;
  let cells = matrix;
  const single = matrix.length === 1 && matrix[0]!.length === 1;
  if (single && (bounds.bottom > bounds.top || bounds.right > bounds.left)) {
    if (tooBig(ctrl, bounds)) return;
    const value = matrix[0]![0]!;
    cells = Array.from({ length: bounds.bottom - bounds.top + 1 }, () => Array.from({ length: bounds.right - bounds.left + 1 }, () => value));
  }
  if (cells.length > MAX_RANGE_ROWS) {
    ctrl.toasts.show(cell.t('grid.rangeTooBig', { max: MAX_RANGE_ROWS }));
    return;
  }
  const width = Math.max(...cells.map((row) => row.length));
  const targets = ctrl.columns.slice(bounds.left, bounds.left + width);
  const leftOut = width - targets.length;
  const readOnly = targets.filter((id) => fieldTypes[ctrl.fieldById.get(id)!.type].readOnly);
  const top = bounds.top;
  const total = ctrl.total.get() ?? ctrl.rowCount();
  const existing = top < total ? await rowsOf(ctrl, top, Math.min(total, top + cells.length) - 1) : [];
  const valuesOf = (row: readonly string[]) => {
    const values: Record<string, unknown> = {};
    targets.forEach((fieldId, index) => {
      if (readOnly.includes(fieldId)) return;
      const text = row[index];
      if (text !== undefined) values[fieldId] = text === '' ? null : text;
    });
    return values;
  };
  const updates = existing.map((row, index) => ({ id: row.id, values: valuesOf(cells[index]!) })).filter((update) => Object.keys(update.values).length);
  const creates = cells.slice(existing.length).map(valuesOf);
  if (!updates.length && !creates.length) return;
  try {
    const result = await ctrl.batches.submit({ updates, creates, typecast: true }, updates.length + creates.length);
    const before = new Map(existing.map((row) => [row.id, row.values]));
    const changes: CellChange[] = [];
    for (const row of result.updated) {
      const old = before.get(row.id) ?? {};
      for (const fieldId of Object.keys(updates.find((update) => update.id === row.id)?.values ?? {})) {
        changes.push({ recordId: row.id, fieldId, before: old[fieldId] ?? null, after: row.values[fieldId] ?? null });
      }
      ctrl.applyPatch(row.id, row.version, row.values);
    }
    const created = result.created.map((row, index) => ({ id: row.id, values: Object.fromEntries(Object.keys(creates[index] ?? {}).map((fieldId) => [fieldId, row.values[fieldId] ?? null])) }));
    ctrl.undo.push({ kind: 'paste', changes, created });
    if (created.length) {
      const count = ctrl.total.get();
      if (count !== null) {
        ctrl.total.set(count + created.length);
        ctrl.api?.setRowCount(count + created.length, true);
      }
    }
    ctrl.refresh();
    ctrl.toasts.show(cell.t('grid.pasted', { count: result.updated.length + result.created.length }), { kind: 'info' });
    if (leftOut > 0) ctrl.toasts.show(cell.t('grid.pasteColumnsLeftOut', { count: leftOut }), { kind: 'info' });
    if (readOnly.length) ctrl.toasts.show(cell.t('grid.pasteReadOnly', { names: readOnly.map((id) => ctrl.fieldById.get(id)!.name).join(', ') }), { kind: 'info' });
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.saveFailed', { message: (error as Error).message }));
  }
}

/** Undo of a paste: old values back and the created rows deleted; redo sets the pasted values and creates the rows again. */
export async function replayPaste(ctrl: GridController, step: PasteStep, redo: boolean): Promise<boolean> {
  const byRecord = new Map<string, Record<string, unknown>>();
  for (const change of step.changes) byRecord.set(change.recordId, { ...byRecord.get(change.recordId), [change.fieldId]: redo ? change.after : change.before });
  const updates = [...byRecord].map(([id, values]) => ({ id, values }));
  try {
    const result = await ctrl.batches.submit(
      redo ? { updates, creates: step.created.map((row) => row.values) } : { updates, deletes: step.created.map((row) => row.id) },
      step.changes.length + step.created.length,
    );
    for (const row of result.updated) ctrl.applyPatch(row.id, row.version, row.values);
    if (redo) step.created = step.created.map((row, index) => ({ ...row, id: result.created[index]?.id ?? row.id }));
    if (step.created.length) {
      const count = ctrl.total.get();
      if (count !== null) {
        const next = Math.max(0, count + (redo ? step.created.length : -step.created.length));
        ctrl.total.set(next);
        ctrl.api?.setRowCount(next, true);
      }
    }
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
    void pasteCells(ctrl, matrix);
  };
  element.addEventListener('paste', onPaste);
  return () => element.removeEventListener('paste', onPaste);
}
