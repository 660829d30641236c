import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldValues } from '../events/index.ts';
import { createCoercedRecords, findRows, writeRecords, type CellError } from '../records/index.ts';
import { valueOf } from '../records/record-rows.ts';
import type { SheetBatch } from './batch-pipeline.ts';
import { unpack } from './coerced-batch.ts';
import { addProgress, insertErrors, insertUndo, type ImportUndoTable } from './jobs.repository.ts';
import { KeyMatcher } from './key-matcher.ts';
import { IMPORT_LIMITS } from './limits.ts';
import type { CellProblem } from './pending-row.ts';
import type { ResolvedTarget } from './targets.ts';

export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
}

interface PendingUpdate {
  id: number;
  row: number;
  values: FieldValues;
}

/**
 * Writes a sheet's coerced batches (batch-reader.ts), one per call, through the write
 * path: new records through its pre-coerced door, upserted ones through writeRecords.
 * Cells that did not read as their field's type were left empty and reported when the
 * batch was coerced. Each batch commits in one transaction together with its undo entries,
 * its report lines and the job's progress, so a crash at any point leaves them in agreement.
 */
export class SheetWriter {
  private readonly keys?: KeyMatcher;

  constructor(
    private readonly ctx: AppContext,
    private readonly job: { id: string; errorCount: number },
    private readonly actor: Actor,
    private readonly target: ResolvedTarget,
    private readonly sheet: string | undefined,
  ) {
    if (target.key) this.keys = new KeyMatcher(ctx.db, target.schema, target.key, !target.touched.isNew);
  }

  write(batch: SheetBatch, keyColumn: number | undefined): BatchCounts {
    const stored = batch.stored.map(unpack);
    const problems = batch.problems.slice();
    const split = this.keys && keyColumn !== undefined
      ? this.keys.match(batch.rows, stored[keyColumn]!, batch.keyText ?? [], problems)
      : { creates: Array.from(batch.rows, (_, i) => i), updates: [], skipped: 0 };
    const updates = split.updates.map(({ index, id }) => pendingOf(this.target.columns, batch, stored, index, id));
    const skipped = batch.skipped + split.skipped;
    const { db } = this.ctx;
    const { schema, touched } = this.target;
    // Attachments must be checked against the base's uploads, which only writeRecords does.
    const checked = this.target.columns.some(({ field }) => field.fieldType.kind === 'attachment');
    db.transaction(() => {
      const befores = touched.isNew ? [] : this.befores(updates);
      const ids = !split.creates.length ? [] : checked
        ? this.writeChecked(split.creates.map((index) => pendingOf(this.target.columns, batch, stored, index, 0)), problems, 'creates')
        : createCoercedRecords(this.ctx, {
          tableId: schema.table.id,
          fields: this.target.columns.map(({ field }) => ({ id: field.id, type: field.type, options: field.options })),
          stored,
          values: batch.values.map((column) => column ?? undefined),
          rows: split.creates,
          choices: batch.choices.map((names) => names ?? undefined),
        }, { actor: this.actor, origin: 'import', typecast: true });
      if (updates.length) this.writeChecked(updates, problems, 'updates');
      // A new table is dropped whole on undo; only existing tables need the ids.
      if (!touched.isNew) insertUndo(db, [...createdRanges(ids, this.job.id, schema.table.id), ...befores]);
      const room = Math.max(0, IMPORT_LIMITS.reportedErrors - this.job.errorCount);
      insertErrors(db, problems.slice(0, room).map((p, i) => ({ import_id: this.job.id, seq: this.job.errorCount + i, sheet: this.sheet ?? null, row: p.row, column: p.column, value: p.value.slice(0, 1000), reason: p.reason })));
      addProgress(db, this.job.id, { rows: batch.rowsRead, created: split.creates.length, updated: updates.length, skipped, errors: problems.length, bytesDone: batch.bytesDone });
    });
    this.job.errorCount += problems.length;
    return { created: split.creates.length, updated: updates.length, skipped };
  }

  /**
   * Rows through writeRecords, which coerces their (already canonical) values again: upserted
   * rows (they are few, and need their before values), and every row of a sheet with an
   * attachment column. A value it still refuses (a file not uploaded to the base, a field
   * changed meanwhile) is reported and left out. Returns the created ids.
   */
  private writeChecked(rows: PendingUpdate[], problems: CellProblem[], as: 'creates' | 'updates'): number[] {
    const { schema } = this.target;
    for (let attempt = 0; ; attempt++) {
      try {
        const batch = as === 'creates' ? { creates: rows.map(({ values }) => values) } : { updates: rows.map(({ id, values }) => ({ id, values })) };
        return writeRecords(this.ctx, { tableId: schema.table.id, ...batch }, { actor: this.actor, origin: 'import', typecast: true }).created.map((record) => record.id);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'INVALID_VALUE') || attempt >= 3) throw error;
        const errors = (error.details?.errors ?? []) as CellError[];
        if (!errors.length) throw new AppError('INTERNAL', 'the write path refused a batch without naming a cell');
        for (const cellError of errors) {
          const row = rows[cellError.index];
          const column = this.target.columns.find((c) => c.field.id === cellError.fieldId);
          if (!row || !column) continue;
          problems.push({ row: row.row, column: column.header, value: cellValueText(row.values[cellError.fieldId]), reason: cellError.message });
          delete row.values[cellError.fieldId];
        }
      }
    }
  }

  /** What the import overwrites, for the undo: the mapped fields' values before. */
  private befores(updates: PendingUpdate[]): Array<Omit<ImportUndoTable, 'id'>> {
    if (!updates.length) return [];
    const { schema } = this.target;
    const rows = new Map(findRows(this.ctx.db, schema, updates.map((u) => u.id)).map((row) => [row.id, row]));
    return updates.map((update) => {
      const row = rows.get(update.id)!;
      const before: FieldValues = {};
      for (const fieldId of Object.keys(update.values)) before[fieldId] = valueOf(schema.byId.get(fieldId)!, row);
      return { import_id: this.job.id, table_id: schema.table.id, first_id: update.id, last_id: update.id, before: JSON.stringify(before) };
    });
  }
}

/** A row's filled, readable cells as write path input (API values where they differ from stored). */
function pendingOf(columns: ResolvedTarget['columns'], batch: SheetBatch, stored: Array<Array<string | number | null>>, index: number, id: number): PendingUpdate {
  const values: FieldValues = {};
  columns.forEach((column, c) => {
    if (batch.present[c]![index]) values[column.field.id] = (batch.values[c] ?? stored[c]!)[index];
  });
  return { id, row: batch.rows[index]!, values };
}

/** A refused value as the report shows it. */
function cellValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Consecutive ids as [first, last] ranges: a batch's inserts are one range. */
function createdRanges(ids: number[], importId: string, tableId: string): Array<Omit<ImportUndoTable, 'id'>> {
  const ranges: Array<Omit<ImportUndoTable, 'id'>> = [];
  for (const id of ids) {
    const last = ranges.at(-1);
    if (last && id === last.last_id + 1) last.last_id = id;
    else ranges.push({ import_id: importId, table_id: tableId, first_id: id, last_id: id, before: null });
  }
  return ranges;
}
