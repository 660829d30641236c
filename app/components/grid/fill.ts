import { fieldTypes } from '../../../core/fields/registry.ts';
import { formatValue } from '../fields/cell-kit.ts';
import { commitWrite, viewRowCount, type RowWrite } from './cell-batch.ts';
import { coerceInput } from './edit-path.ts';
import { continueSeries, copyPattern, type FillMode } from './fill-series.ts';
import type { GridController } from './grid-controller.ts';
import { headerOf } from './group-types.ts';
import { currentBounds, MAX_RANGE_ROWS } from './range-actions.ts';
import { positionsBetween, recordPositions } from './record-slots.ts';
import { fetchRows } from './row-fetch.ts';
import type { Bounds } from './range.ts';
import type { GridField, GridRowData } from './types.ts';

export type FillDirection = 'up' | 'down' | 'left' | 'right';

/** The cells a fill covers beyond its source: `count` rows or columns in `direction`. */
export interface FillTarget {
  direction: FillDirection;
  count: number;
}

/**
 * Where a fill handle dragged from `source` to the cell (row, column index) points: the
 * way the pointer left the source furthest, as in Excel. Nothing while it is inside.
 */
export function fillTargetAt(source: Bounds, row: number, col: number): FillTarget | undefined {
  const dy = row > source.bottom ? row - source.bottom : row < source.top ? row - source.top : 0;
  const dx = col > source.right ? col - source.right : col < source.left ? col - source.left : 0;
  if (!dy && !dx) return undefined;
  if (Math.abs(dy) >= Math.abs(dx)) return { direction: dy > 0 ? 'down' : 'up', count: Math.abs(dy) };
  return { direction: dx > 0 ? 'right' : 'left', count: Math.abs(dx) };
}

/** The rectangle of source and filled cells together (what the range shows after a fill). */
export function filledBounds(source: Bounds, target: FillTarget): Bounds {
  switch (target.direction) {
    case 'down': return { ...source, bottom: source.bottom + target.count };
    case 'up': return { ...source, top: source.top - target.count };
    case 'right': return { ...source, right: source.right + target.count };
    case 'left': return { ...source, left: source.left - target.count };
  }
}

interface Line {
  /** Source values, in display order (top to bottom, left to right). */
  values: unknown[];
  /** The fields they came from (one per value; all the same down a column). */
  from: GridField[];
}

/**
 * Fills from `source` in a direction: each column (up/down) or row (left/right) of the
 * source continued as a series (fill-series.ts) or copied, into the cells beyond it. Down
 * past the last row creates the records needed. Read-only fields are left out and said
 * so; a value a field cannot hold (text into a number field, filling right across types)
 * leaves that cell as it was. One write, one undo step, through the batch path.
 */
export async function fillRange(ctrl: GridController, source: Bounds, target: FillTarget, mode: FillMode = 'series'): Promise<void> {
  const { cell, canEdit } = ctrl.setup;
  if (!canEdit) {
    ctrl.toasts.show(cell.t('paste.fillViewOnly'));
    return;
  }
  const columns = ctrl.columns;
  const total = viewRowCount(ctrl);
  const vertical = target.direction === 'up' || target.direction === 'down';
  const backwards = target.direction === 'up' || target.direction === 'left';
  // The filled cells, clamped to the grid (only down may go past it, creating rows).
  const area = filledBounds(source, target);
  area.top = Math.max(0, area.top);
  area.left = Math.max(0, area.left);
  area.right = Math.min(columns.length - 1, area.right);
  area.bottom = Math.min(area.bottom, area.top + MAX_RANGE_ROWS - 1);
  const rows = await fetchRows(ctrl, area.top, Math.min(area.bottom, total - 1));
  const rowAt = (index: number): GridRowData | undefined => {
    const row = rows[index - area.top];
    return headerOf(row) ? undefined : row;
  };
  // A grouped view's header rows are neither source nor target: the fill runs over the
  // records in the range, as a spreadsheet's fill skips filtered-out rows (decision 0048).
  const isHeader = (index: number) => !!headerOf(rows[index - area.top]);
  const fieldAt = (index: number) => ctrl.fieldById.get(columns[index]!)!;
  const sourceRows = recordPositions(positionsBetween(source.top, source.bottom), isHeader);
  // Up or down: the target rows nearest the source first.
  const targetRows = !vertical ? [] : recordPositions(backwards ? positionsBetween(source.top - 1, area.top) : positionsBetween(source.bottom + 1, area.bottom), isHeader);
  const count = vertical ? targetRows.length : backwards ? source.left - area.left : area.right - source.right;
  if (count <= 0 || !sourceRows.length) return;

  const updates = new Map<string, RowWrite>();
  // Rows past the last one (filling down only) are created, in order.
  const creates: Array<Record<string, unknown>> = Array.from({ length: Math.max(0, area.bottom - total + 1) }, () => ({}));
  const readOnly = new Set<string>();
  let skipped = 0;
  const put = (rowIndex: number, field: GridField, value: unknown) => {
    if (fieldTypes[field.type].readOnly) {
      readOnly.add(field.name);
      return;
    }
    const row = rowAt(rowIndex);
    if (!row) {
      if (rowIndex >= total) creates[rowIndex - total]![field.id] = value;
      return;
    }
    const before = row.values[field.id] ?? null;
    if (JSON.stringify(before) === JSON.stringify(value ?? null)) return;
    const update = updates.get(row.id) ?? { id: row.id, values: {}, before: {} };
    update.values[field.id] = value;
    update.before[field.id] = before;
    updates.set(row.id, update);
  };

  const lines = vertical ? source.right - source.left + 1 : sourceRows.length;
  for (let l = 0; l < lines; l++) {
    const line: Line = { values: [], from: [] };
    if (vertical) {
      const field = fieldAt(source.left + l);
      for (const r of sourceRows) {
        line.values.push(rowAt(r)?.values[field.id] ?? null);
        line.from.push(field);
      }
    } else {
      const row = rowAt(sourceRows[l]!);
      for (let c = source.left; c <= source.right; c++) {
        line.values.push(row?.values[columns[c]!] ?? null);
        line.from.push(fieldAt(c));
      }
    }
    // The target cells of this line, nearest first, each with its field.
    const cells = Array.from({ length: count }, (_, i) => {
      const offset = backwards ? -(i + 1) : i + 1;
      return vertical
        ? { row: targetRows[i]!, field: fieldAt(source.left + l) }
        : { row: sourceRows[l]!, field: fieldAt((backwards ? source.left : source.right) + offset) };
    });
    const values = fitted(ctrl, line, cells.map((target) => target.field), count, backwards, mode);
    cells.forEach((target, i) => {
      const value = values[i];
      if (value !== SKIP) put(target.row, target.field, value);
      else if (fieldTypes[target.field.type].readOnly) readOnly.add(target.field.name);
      else skipped += 1;
    });
  }

  if (readOnly.size) ctrl.toasts.show(cell.t('paste.fillReadOnly', { names: [...readOnly].join(', ') }), { kind: 'info' });
  if (skipped) ctrl.toasts.show(cell.t('paste.fillSkipped', { count: skipped }), { kind: 'info' });
  const created = creates.filter((values) => Object.keys(values).length);
  if (!updates.size && !created.length) return;
  if (!(await commitWrite(ctrl, { updates: [...updates.values()], creates: created, typecast: false }, { optimistic: true }))) return;
  const state = ctrl.range.get();
  const shown = { ...area, bottom: Math.min(area.bottom, viewRowCount(ctrl) - 1) };
  ctrl.range.set({ ...state, range: { anchor: { row: shown.top, col: columns[shown.left]! }, focus: { row: shown.bottom, col: columns[shown.right]! } } });
}

const SKIP = Symbol('skip');

/**
 * A line's values for its target cells, each as its field stores it: the series when every
 * value of it fits its field (ratings stop at their maximum, a select takes no new choice),
 * else the source copied; a copied value that fits in no way is skipped.
 */
function fitted(ctrl: GridController, line: Line, fields: readonly GridField[], count: number, backwards: boolean, mode: FillMode): Array<unknown> {
  const sameField = fields.every((field) => line.from.every((from) => from.id === field.id));
  if (mode === 'series') {
    const series = continueSeries(line.values, count, { backwards });
    const copied = copyPattern(backwards ? [...line.values].reverse() : line.values, count);
    const isCopy = series.every((value, i) => value === copied[i]);
    if (!isCopy) {
      const coerced = series.map((value, i) => coerceInput(ctrl, fields[i]!, value));
      if (coerced.every((result) => result.ok)) return coerced.map((result) => (result as { value: unknown }).value);
    }
  }
  const source = backwards ? [...line.values].reverse() : line.values;
  const from = backwards ? [...line.from].reverse() : line.from;
  return Array.from({ length: count }, (_, i) => {
    const value = source[i % source.length] ?? null;
    // Down a column the value is already the field's own.
    if (sameField || value === null) return value;
    const field = fields[i]!;
    const direct = coerceInput(ctrl, field, value);
    if (direct.ok) return direct.value;
    const origin = from[i % from.length]!;
    const text = coerceInput(ctrl, field, formatValue(fieldTypes[origin.type], origin, value, ctrl.setup.cell));
    return text.ok ? text.value : SKIP;
  });
}

/**
 * Ctrl+D / Ctrl+R, as in Excel: the selection's first row copied down it (first column
 * copied right); a single row or column takes the cells above (to the left) instead.
 */
export function fillSelection(ctrl: GridController, direction: 'down' | 'right'): void {
  const bounds = currentBounds(ctrl);
  if (!bounds) return;
  if (direction === 'down') {
    // A grouped view's headers are no source: the first record of the range, or the nearest above.
    let top = bounds.top;
    while (top < bounds.bottom && ctrl.isHeaderAt(top)) top += 1;
    let above = bounds.top - 1;
    while (above >= 0 && ctrl.isHeaderAt(above)) above -= 1;
    if (bounds.bottom > top) void ctrl.trackStep(fillRange(ctrl, { ...bounds, top, bottom: top }, { direction, count: bounds.bottom - top }, 'copy'));
    else if (above >= 0 && !ctrl.isHeaderAt(bounds.bottom)) void ctrl.trackStep(fillRange(ctrl, { ...bounds, top: above, bottom: above }, { direction, count: bounds.bottom - above }, 'copy'));
  } else if (bounds.right > bounds.left) {
    void ctrl.trackStep(fillRange(ctrl, { ...bounds, right: bounds.left }, { direction, count: bounds.right - bounds.left }, 'copy'));
  } else if (bounds.left > 0) {
    void ctrl.trackStep(fillRange(ctrl, { ...bounds, left: bounds.left - 1, right: bounds.left - 1 }, { direction, count: 1 }, 'copy'));
  }
}
