import { cellText } from './cell-input.ts';
import type { ColumnCoercer } from './column-coercer.ts';
import type { CellProblem } from './pending-row.ts';
import type { SourceRow } from './source.ts';

/**
 * A column of stored values packed for the trip between threads: numbers in a typed array,
 * text as one string with end offsets (a structured clone of one long string is a copy; of
 * 5,000 short ones, 5,000 allocations on each side), anything else as a plain array.
 */
export type PackedColumn =
  | { kind: 'number'; numbers: Float64Array; nulls: Uint8Array }
  | { kind: 'text'; text: string; ends: Int32Array }
  | { kind: 'any'; items: Array<string | number | null> };

/** A batch of file rows, coerced through their fields' types, ready for the write path. */
export interface CoercedBatch {
  /** Each row's number as Excel shows it. */
  rows: Int32Array;
  /** Per column (plan order): stored values. */
  stored: PackedColumn[];
  /** Per column: API values when some differ from the stored ones (a checkbox, a list), else null. */
  values: Array<unknown[] | null>;
  /** Per column: 1 where the row's cell was filled and readable (an update writes only those). */
  present: Uint8Array[];
  /** Per column of a select type: the choice names used. */
  choices: Array<string[] | null>;
  /** The key cell's text per row, for the report (upserts only). */
  keyText: string[] | null;
  /** Bad cells (left empty) and unreadable keys (row skipped), in row order. */
  problems: CellProblem[];
  /** Rows left out: hidden ones (skipHiddenRows) and rows whose key cannot be read. */
  skipped: number;
  /** Rows of the file this batch stands for, skipped ones included. */
  rowsRead: number;
  bytesDone: number;
}

/**
 * Coerces file rows column by column; a bad cell is left empty and reported with its row
 * and column, a row whose key cannot be read is skipped and reported, as the import always did.
 */
export function coerceRows(rows: readonly SourceRow[], coercers: readonly ColumnCoercer[], keyColumn: number | undefined, progress: { skipped: number; bytesDone: number }): CoercedBatch {
  const problems: CellProblem[] = [];
  const width = coercers.length;
  const storedColumns = coercers.map(() => new Array<string | number | null>(rows.length));
  // A column's API values get an array only once one differs from its stored value (a
  // checkbox, a list); until then they are the stored values.
  const valueColumns: Array<unknown[] | null> = coercers.map(() => null);
  const present = coercers.map(() => new Uint8Array(rows.length));
  const choices = coercers.map((c) => (c.fieldType.addChoices ? new Set<string>() : null));
  const rowNumbers: number[] = [];
  const keyText: string[] | null = keyColumn === undefined ? null : [];
  let keySkipped = 0;
  for (const row of rows) {
    if (keyColumn !== undefined) {
      const coercer = coercers[keyColumn]!;
      const cell = row.cells[coercer.spec.index] ?? null;
      const result = cell === null ? undefined : coercer.coerce(cell);
      if (result && !result.ok) {
        problems.push({ row: row.row, column: coercer.spec.header, value: cellText(cell), reason: `the key cannot be read, so the row was skipped: ${result.error}` });
        keySkipped++;
        continue;
      }
      keyText!.push(cellText(cell));
    }
    const at = rowNumbers.push(row.row) - 1;
    for (let c = 0; c < width; c++) {
      const coercer = coercers[c]!;
      const cell = row.cells[coercer.spec.index] ?? null;
      let stored = coercer.emptyStored;
      let value = coercer.emptyValue;
      if (cell !== null) {
        const result = coercer.coerce(cell);
        if (result.ok) {
          value = result.value;
          stored = coercer.toStorage(value);
          present[c]![at] = 1;
          if (value === null) value = coercer.emptyValue;
          const names = choices[c];
          if (names && value !== null) for (const name of Array.isArray(value) ? value : [value]) names.add(name as string);
        } else {
          problems.push({ row: row.row, column: coercer.spec.header, value: cellText(cell), reason: result.error });
        }
      }
      storedColumns[c]![at] = stored;
      let values = valueColumns[c];
      if (!values && value !== stored) values = valueColumns[c] = storedColumns[c]!.slice(0, at);
      if (values) values[at] = value;
    }
  }
  const count = rowNumbers.length;
  return {
    rows: Int32Array.from(rowNumbers),
    stored: storedColumns.map((column) => pack(column, count)),
    values: valueColumns,
    present: present.map((flags) => flags.slice(0, count)),
    choices: choices.map((names) => (names ? [...names] : null)),
    keyText,
    problems,
    skipped: keySkipped + progress.skipped,
    rowsRead: rows.length + progress.skipped,
    bytesDone: progress.bytesDone,
  };
}

function pack(column: Array<string | number | null>, count: number): PackedColumn {
  let numbers = 0;
  let texts = 0;
  for (let i = 0; i < count; i++) {
    const item = column[i];
    if (typeof item === 'number') numbers++;
    else if (typeof item === 'string') texts++;
  }
  if (texts === 0) {
    const packed = new Float64Array(count);
    const nulls = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const item = column[i];
      if (typeof item === 'number') packed[i] = item;
      else nulls[i] = 1;
    }
    return { kind: 'number', numbers: packed, nulls };
  }
  if (numbers === 0) {
    const ends = new Int32Array(count);
    let text = '';
    for (let i = 0; i < count; i++) {
      const item = column[i];
      if (typeof item === 'string') {
        text += item;
        ends[i] = text.length;
      } else ends[i] = -1;
    }
    return { kind: 'text', text, ends };
  }
  return { kind: 'any', items: column.slice(0, count) };
}

/** The stored values of a packed column, one entry per row. */
export function unpack(column: PackedColumn): Array<string | number | null> {
  if (column.kind === 'any') return column.items;
  if (column.kind === 'number') {
    const out = new Array<number | null>(column.numbers.length);
    for (let i = 0; i < out.length; i++) out[i] = column.nulls[i] ? null : column.numbers[i]!;
    return out;
  }
  const { text, ends } = column;
  const out = new Array<string | null>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < 0) {
      out[i] = null;
      continue;
    }
    out[i] = text.slice(start, end);
    start = end;
  }
  return out;
}
