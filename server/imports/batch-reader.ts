import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { resolveUserAmong, type BaseMember } from '../records/user-resolver.ts';
import { CoercedBatchBuilder, type CoercedBatch } from './coerced-batch.ts';
import { ColumnCoercer, type ColumnSpec } from './column-coercer.ts';
import { IMPORT_BATCH_ROWS } from './limits.ts';
import { openSource } from './open-source.ts';

/** One sheet's reading and coercing, as plain data: it is what a parse worker is started with. */
export interface SheetTask {
  path: string;
  fileName: string;
  sheet: string;
  headerRow: number;
  skipHiddenRows: boolean;
  columns: ColumnSpec[];
  /** Position in `columns` of the upsert key. */
  keyColumn?: number;
  timeZone: string;
  /** The base's members, for user fields. */
  members: BaseMember[];
  /** Bytes of the file read for earlier sheets, so progress keeps counting up. */
  bytesBefore: number;
}

/**
 * Reads a sheet's rows after its header and coerces them in batches of `batchRows`
 * through the fields' types. Runs in a parse worker for big files, inline for small ones;
 * either way every file problem (a malformed CSV, a cell too long, bytes in another
 * encoding) is thrown from here with its row and column.
 */
export async function* readCoercedBatches(task: SheetTask, batchRows = IMPORT_BATCH_ROWS): AsyncGenerator<CoercedBatch & { sheetBytes: number }> {
  const coerceContext = { typecast: true, timeZone: task.timeZone, resolveUser: resolveUserAmong(task.members) };
  const coercers = task.columns.map((spec) => new ColumnCoercer(spec, coerceContext));
  const source = await openSource(task.path, task.fileName);
  const reader = source.openSheet(task.sheet);
  try {
    // Each row is coerced as it is read (see CoercedBatchBuilder).
    const builder = new CoercedBatchBuilder(coercers, task.keyColumn, batchRows);
    let skipped = 0;
    const flush = () => {
      const coerced = builder.finish({ skipped, bytesDone: task.bytesBefore + reader.bytesRead() });
      skipped = 0;
      return { ...coerced, sheetBytes: reader.bytesRead() };
    };
    for await (const rows of reader.rows()) {
      for (const row of rows) {
        if (row.row <= task.headerRow) continue;
        if (row.hidden && task.skipHiddenRows) skipped++;
        else builder.add(row);
        if (builder.size >= batchRows) {
          yield flush();
          await yieldToEventLoop();
        }
      }
    }
    if (builder.size || skipped) yield flush();
  } finally {
    reader.close();
    source.close();
  }
}
