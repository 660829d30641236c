import type { CoerceContext } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldValues } from '../events/index.ts';
import { findRows, writeRecords, type CellError } from '../records/index.ts';
import { valueOf } from '../records/record-rows.ts';
import { resolveUserFor } from '../records/user-resolver.ts';
import { coerceInput } from './cell-input.ts';
import { addProgress, insertErrors, insertUndo, type ImportUndoTable } from './jobs.repository.ts';
import { KeyMatcher } from './key-matcher.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { pendingRow, type CellProblem, type PendingRow } from './pending-row.ts';
import type { SourceRow } from './source.ts';
import type { ResolvedTarget } from './targets.ts';

export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
}

/**
 * Writes a sheet's rows, one batch per call, through the one write path. A bad cell never
 * sinks its row: the batch goes to writeRecords as read; if the write path refuses it, every
 * cell is coerced here to find all the bad ones, those are left empty and reported, and the
 * batch goes again. Each batch commits in one transaction together with its undo entries,
 * its report lines and the job's progress, so a crash at any point leaves them in agreement.
 */
export class SheetWriter {
  private readonly coerceContext: CoerceContext;
  private readonly keys?: KeyMatcher;

  constructor(
    private readonly ctx: AppContext,
    private readonly job: { id: string; errorCount: number },
    private readonly actor: Actor,
    private readonly target: ResolvedTarget,
    private readonly sheet: string | undefined,
  ) {
    const { schema } = target;
    this.coerceContext = { typecast: true, timeZone: schema.timeZone, resolveUser: resolveUserFor(ctx, schema.baseId) };
    if (target.key) this.keys = new KeyMatcher(ctx.db, schema, target.key, this.coerceContext, !target.touched.isNew);
  }

  write(rows: SourceRow[], progress: { skippedRows: number; bytesDone: number }): BatchCounts {
    const problems: CellProblem[] = [];
    const pending = rows.map((row) => this.toPending(row));
    const split = this.keys ? this.keys.match(pending, problems) : { creates: pending, updates: [], skipped: 0 };
    const skipped = split.skipped + progress.skippedRows;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.commit(split.creates, split.updates, problems, { rows: rows.length + progress.skippedRows, skipped, bytesDone: progress.bytesDone });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'INVALID_VALUE') || attempt >= 3) throw error;
        if (attempt === 0) this.dropBadCells([...split.creates, ...split.updates], problems);
        else this.dropReported((error.details?.errors ?? []) as CellError[], split.creates, split.updates, problems);
      }
    }
  }

  private toPending(row: SourceRow): PendingRow {
    const values: FieldValues = {};
    for (const column of this.target.columns) {
      const cell = row.cells[column.index] ?? null;
      if (cell !== null) values[column.field.id] = coerceInput(cell, column.field.fieldType.kind);
    }
    return pendingRow(row, this.target.columns, values);
  }

  private commit(creates: PendingRow[], updates: Array<PendingRow & { id: number }>, problems: CellProblem[], counts: { rows: number; skipped: number; bytesDone: number }): BatchCounts {
    const { db } = this.ctx;
    const { schema, touched } = this.target;
    db.transaction(() => {
      const befores = touched.isNew ? [] : this.befores(updates);
      const result = writeRecords(
        this.ctx,
        { tableId: schema.table.id, creates: creates.map((row) => row.values), updates: updates.map((row) => ({ id: row.id, values: row.values })) },
        { actor: this.actor, origin: 'import', typecast: true },
      );
      // A new table is dropped whole on undo; only existing tables need the ids.
      if (!touched.isNew) insertUndo(db, [...createdRanges(result.created.map((r) => r.id), this.job.id, schema.table.id), ...befores]);
      const room = Math.max(0, IMPORT_LIMITS.reportedErrors - this.job.errorCount);
      insertErrors(db, problems.slice(0, room).map((p, i) => ({ import_id: this.job.id, seq: this.job.errorCount + i, sheet: this.sheet ?? null, row: p.row, column: p.column, value: p.value.slice(0, 1000), reason: p.reason })));
      addProgress(db, this.job.id, { rows: counts.rows, created: creates.length, updated: updates.length, skipped: counts.skipped, errors: problems.length, bytesDone: counts.bytesDone });
    });
    this.job.errorCount += problems.length;
    return { created: creates.length, updated: updates.length, skipped: counts.skipped };
  }

  /** What the import overwrites, for the undo: the mapped fields' values before. */
  private befores(updates: Array<PendingRow & { id: number }>): Array<Omit<ImportUndoTable, 'id'>> {
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

  /** Coerces every cell as the write path would; bad ones are reported and left empty. */
  private dropBadCells(rows: PendingRow[], problems: CellProblem[]): void {
    for (const row of rows) {
      for (const column of this.target.columns) {
        const { field } = column;
        if (!(field.id in row.values)) continue;
        const result = field.fieldType.coerce(row.values[field.id], field.options, this.coerceContext);
        if (result.ok) continue;
        problems.push({ row: row.row, column: column.header, value: row.text(column.header), reason: result.error });
        delete row.values[field.id];
      }
    }
  }

  /** The write path's own report, for what this module's coercion let through. */
  private dropReported(errors: CellError[], creates: PendingRow[], updates: PendingRow[], problems: CellProblem[]): void {
    if (!errors.length) throw new AppError('INTERNAL', 'the write path refused a batch without naming a cell');
    for (const error of errors) {
      const row = (error.recordId === undefined ? creates : updates)[error.index];
      const column = this.target.columns.find((c) => c.field.id === error.fieldId);
      if (!row || !column) continue;
      problems.push({ row: row.row, column: column.header, value: row.text(column.header), reason: error.message });
      delete row.values[error.fieldId];
    }
  }
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
