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
  const builder = new CoercedBatchBuilder(coercers, keyColumn, rows.length);
  for (const row of rows) builder.add(row);
  return builder.finish(progress);
}

/**
 * `coerceRows` one row at a time: each row is coerced as soon as it is read, so the file's
 * rows die young and only the stored values wait for the batch to fill (the parse worker's
 * small young generation then copies far less; see parse-worker.ts).
 */
export class CoercedBatchBuilder {
  private readonly width: number;
  private readonly cellIndex: number[];
  private storedColumns: Array<Array<string | number | null>> = [];
  // A column's API values get an array only once one differs from its stored value (a
  // checkbox, a list); until then they are the stored values.
  private valueColumns: Array<unknown[] | null> = [];
  private present: Uint8Array[] = [];
  private choices: Array<Set<string> | null> = [];
  private rowNumbers: number[] = [];
  private keyText: string[] | null = null;
  private problems: CellProblem[] = [];
  private keySkipped = 0;
  private read = 0;

  constructor(private readonly coercers: readonly ColumnCoercer[], private readonly keyColumn: number | undefined, private readonly capacity: number) {
    this.width = coercers.length;
    this.cellIndex = coercers.map((coercer) => coercer.spec.index);
    this.reset();
  }

  /** Rows taken since the last `finish`, skipped ones included. */
  get size(): number {
    return this.read;
  }

  add(row: SourceRow): void {
    this.read++;
    const { coercers, cellIndex } = this;
    if (this.keyColumn !== undefined) {
      const coercer = coercers[this.keyColumn]!;
      const cell = row.cells[cellIndex[this.keyColumn]!] ?? null;
      const result = cell === null ? undefined : coercer.coerce(cell);
      if (result && !result.ok) {
        this.problems.push({ row: row.row, column: coercer.spec.header, value: cellText(cell), reason: `the key cannot be read, so the row was skipped: ${result.error}` });
        this.keySkipped++;
        return;
      }
      this.keyText!.push(cellText(cell));
    }
    const at = this.rowNumbers.push(row.row) - 1;
    if (at >= this.present[0]!.length) this.present = this.present.map((flags) => grow(flags));
    for (let c = 0; c < this.width; c++) {
      const coercer = coercers[c]!;
      const cell = row.cells[cellIndex[c]!] ?? null;
      let stored = coercer.emptyStored;
      let value = coercer.emptyValue;
      if (cell !== null) {
        const result = coercer.coerce(cell);
        if (result.ok) {
          value = result.value;
          stored = result.stored;
          this.present[c]![at] = 1;
          if (value === null) value = coercer.emptyValue;
          const names = this.choices[c];
          if (names && value !== null && result.batch !== coercer.batch) {
            result.batch = coercer.batch; // a remembered cell's choices go into each batch once
            for (const name of Array.isArray(value) ? value : [value]) names.add(name as string);
          }
        } else {
          this.problems.push({ row: row.row, column: coercer.spec.header, value: cellText(cell), reason: result.error });
        }
      }
      this.storedColumns[c]![at] = stored;
      let values = this.valueColumns[c];
      if (!values && value !== stored) values = this.valueColumns[c] = this.storedColumns[c]!.slice(0, at);
      if (values) values[at] = value;
    }
  }

  /** The batch of the rows added since the last call; the builder starts over. */
  finish(progress: { skipped: number; bytesDone: number }): CoercedBatch {
    const count = this.rowNumbers.length;
    const batch: CoercedBatch = {
      rows: Int32Array.from(this.rowNumbers),
      stored: this.storedColumns.map((column) => pack(column, count)),
      values: this.valueColumns,
      present: this.present.map((flags) => flags.slice(0, count)),
      choices: this.choices.map((names) => (names ? [...names] : null)),
      keyText: this.keyText,
      problems: this.problems,
      skipped: this.keySkipped + progress.skipped,
      rowsRead: this.read + progress.skipped,
      bytesDone: progress.bytesDone,
    };
    this.reset();
    return batch;
  }

  private reset(): void {
    const { coercers, capacity } = this;
    this.storedColumns = coercers.map(() => new Array<string | number | null>(capacity));
    this.valueColumns = coercers.map(() => null);
    this.present = coercers.map(() => new Uint8Array(Math.max(1, capacity)));
    this.choices = coercers.map((c) => (c.fieldType.addChoices ? new Set<string>() : null));
    for (const coercer of coercers) coercer.newBatch();
    this.rowNumbers = [];
    this.keyText = this.keyColumn === undefined ? null : [];
    this.problems = [];
    this.keySkipped = 0;
    this.read = 0;
  }
}

function grow(flags: Uint8Array): Uint8Array {
  const bigger = new Uint8Array(flags.length * 2);
  bigger.set(flags);
  return bigger;
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
    // A rope: flattened once, when the batch is copied to the main thread.
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

/**
 * Consecutive batches as one, as if coerced together: the parse worker sends small batches
 * (their values die young in its heap) and the main thread writes them in one transaction.
 */
export function mergeCoercedBatches<B extends CoercedBatch>(parts: readonly B[]): B {
  if (parts.length === 1) return parts[0]!;
  const last = parts[parts.length - 1]!;
  const width = last.stored.length;
  const columns = Array.from({ length: width }, (_, c) => parts.map((part) => part.stored[c]!));
  return {
    ...last,
    rows: concatTyped(Int32Array, parts.map((part) => part.rows)),
    stored: columns.map(mergeColumn),
    values: Array.from({ length: width }, (_, c) => {
      if (parts.every((part) => part.values[c] === null)) return null;
      // A part without API values for the column has them equal to its stored values.
      return parts.flatMap((part) => part.values[c] ?? unpack(part.stored[c]!));
    }),
    present: Array.from({ length: width }, (_, c) => concatTyped(Uint8Array, parts.map((part) => part.present[c]!))),
    choices: Array.from({ length: width }, (_, c) => (last.choices[c] ? [...new Set(parts.flatMap((part) => part.choices[c] ?? []))] : null)),
    keyText: last.keyText ? parts.flatMap((part) => part.keyText ?? []) : null,
    problems: parts.flatMap((part) => part.problems),
    skipped: parts.reduce((sum, part) => sum + part.skipped, 0),
    rowsRead: parts.reduce((sum, part) => sum + part.rowsRead, 0),
  };
}

function mergeColumn(parts: PackedColumn[]): PackedColumn {
  if (parts.every((part) => part.kind === 'number')) {
    return { kind: 'number', numbers: concatTyped(Float64Array, parts.map((part) => part.numbers)), nulls: concatTyped(Uint8Array, parts.map((part) => part.nulls)) };
  }
  if (parts.every((part) => part.kind === 'text')) {
    let text = '';
    const ends = concatTyped(Int32Array, parts.map((part) => part.ends));
    let at = 0;
    for (const part of parts) {
      const offset = text.length;
      for (let i = 0; i < part.ends.length; i++, at++) if (ends[at]! >= 0) ends[at]! += offset;
      text += part.text;
    }
    return { kind: 'text', text, ends };
  }
  return { kind: 'any', items: parts.flatMap(unpack) };
}

function concatTyped<T extends Int32Array | Uint8Array | Float64Array>(Type: { new (length: number): T }, arrays: readonly T[]): T {
  const out = new Type(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    out.set(array as never, at);
    at += array.length;
  }
  return out;
}

