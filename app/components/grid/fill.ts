import { fieldTypes } from '../../../core/fields/registry.ts';
import { applyChanges } from './edit-path.ts';
import type { GridController } from './grid-controller.ts';
import { MAX_RANGE_ROWS, rowsOf } from './range-actions.ts';
import type { Bounds } from './range.ts';
import type { CellChange } from './types.ts';

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function dateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || INSTANT.test(value))) return undefined;
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The values a column's source cells continue with, `count` of them: numbers as a series
 * (the step of the last two; one number is copied), dates by day (one date steps a day),
 * anything else the source repeated.
 */
export function continueSeries(source: readonly unknown[], count: number): unknown[] {
  const n = source.length;
  const out: unknown[] = [];
  if (n >= 2 && source.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    const numbers = source as number[];
    const step = numbers[n - 1]! - numbers[n - 2]!;
    for (let i = 1; i <= count; i++) out.push(Math.round((numbers[n - 1]! + step * i) * 1e9) / 1e9);
    return out;
  }
  const dates = source.map(dateMs);
  if (n >= 1 && dates.every((ms) => ms !== undefined)) {
    const last = dates[n - 1]!;
    const step = n >= 2 ? last - dates[n - 2]! : DAY;
    const dateOnly = DATE_ONLY.test(source[n - 1] as string);
    for (let i = 1; i <= count; i++) {
      const iso = new Date(last + step * i).toISOString();
      out.push(dateOnly ? iso.slice(0, 10) : iso);
    }
    return out;
  }
  for (let i = 0; i < count; i++) out.push(source[i % n] ?? null);
  return out;
}

/** The fill handle dragged from `source` down to row `to`: the rows below filled, as one undo step. */
export async function fillDown(ctrl: GridController, source: Bounds, to: number): Promise<void> {
  if (!ctrl.setup.canEdit || to <= source.bottom) return;
  const last = Math.min(to, source.top + MAX_RANGE_ROWS - 1, ctrl.rowCount() - 1);
  const rows = await rowsOf(ctrl, source.top, last);
  const height = source.bottom - source.top + 1;
  const sourceRows = rows.slice(0, height);
  const targetRows = rows.slice(height);
  const changes: CellChange[] = [];
  for (const fieldId of ctrl.columns.slice(source.left, source.right + 1)) {
    const field = ctrl.fieldById.get(fieldId);
    if (!field || fieldTypes[field.type].readOnly) continue;
    const values = continueSeries(sourceRows.map((row) => row.values[fieldId] ?? null), targetRows.length);
    targetRows.forEach((row, index) => {
      const before = row.values[fieldId] ?? null;
      const after = values[index] ?? null;
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ recordId: row.id, fieldId, before, after });
    });
  }
  await applyChanges(ctrl, changes, 'after', { record: true });
}
