import fs from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { jobActor, planOf, tablesOf, type TouchedTable } from './job-state.ts';
import { deleteUndo, findJob, updateJob, type ImportJobRow } from './jobs.repository.ts';
import { IMPORT_BATCH_ROWS } from './limits.ts';
import { openSource } from './open-source.ts';
import { rollbackImport } from './rollback.ts';
import { SheetWriter } from './sheet-writer.ts';
import type { SourceRow } from './source.ts';
import { prepareTarget } from './targets.ts';

class Cancelled extends Error {}

/** The server closed its database under a running job: a restart will undo it (recoverImports). */
const stopped = (ctx: AppContext) => !ctx.db.sqlite.open;

/**
 * Runs one import job to its end: done, or — on any error or a cancel — undone and marked
 * failed or cancelled, so that nothing is ever half imported. Never rejects.
 */
export async function runImportJob(ctx: AppContext, id: string): Promise<void> {
  const job = findJob(ctx.db, id);
  if (!job || job.status !== 'queued') return;
  if (job.cancel_requested) return finish(ctx, job, 'cancelled');
  updateJob(ctx.db, id, { status: 'running', started_at: new Date().toISOString() });
  try {
    await importSheets(ctx, job);
    if (stopped(ctx)) return;
    finish(ctx, job, 'done');
  } catch (error) {
    if (stopped(ctx)) return; // the restart marks the job failed and undoes it
    const cancelled = error instanceof Cancelled;
    if (!cancelled && !(error instanceof AppError)) console.error(`import ${id} failed`, error);
    const reason = cancelled ? undefined : error instanceof AppError ? error.message : 'internal error';
    undoAndFinish(ctx, id, cancelled ? 'cancelled' : 'failed', reason);
  }
}

async function importSheets(ctx: AppContext, job: ImportJobRow): Promise<void> {
  const plan = planOf(job);
  const actor = jobActor(ctx, job);
  const source = await openSource(job.file_path!, job.file_name);
  const touched: TouchedTable[] = [];
  const errorState = { id: job.id, errorCount: 0 };
  let bytesBefore = 0;
  try {
    for (const sheetPlan of plan.sheets) {
      const target = prepareTarget(ctx, actor, job.base_id, sheetPlan, (table) => {
        if (!touched.includes(table)) touched.push(table);
        updateJob(ctx.db, job.id, { tables: JSON.stringify(touched) });
      });
      const writer = new SheetWriter(ctx, errorState, actor, target, source.format === 'xlsx' ? sheetPlan.sheet : undefined);
      const reader = source.openSheet(sheetPlan.sheet);
      try {
        let batch: SourceRow[] = [];
        let skippedRows = 0;
        const flush = async () => {
          await yieldToEventLoop();
          if (stopped(ctx)) throw new Cancelled();
          if (findJob(ctx.db, job.id)?.cancel_requested) throw new Cancelled();
          writer.write(batch, { skippedRows, bytesDone: bytesBefore + reader.bytesRead() });
          batch = [];
          skippedRows = 0;
        };
        for await (const rows of reader.rows()) {
          for (const row of rows) {
            if (row.row <= sheetPlan.headerRow) continue;
            if (row.hidden && sheetPlan.skipHiddenRows) skippedRows++;
            else batch.push(row);
            if (batch.length >= IMPORT_BATCH_ROWS) await flush();
          }
        }
        if (batch.length || skippedRows) await flush();
      } finally {
        reader.close();
      }
      bytesBefore += reader.bytesRead();
    }
  } finally {
    source.close();
  }
}

function undoAndFinish(ctx: AppContext, id: string, status: 'failed' | 'cancelled', reason?: string): void {
  const job = findJob(ctx.db, id)!;
  try {
    rollbackImport(ctx, jobActor(ctx, job), id, tablesOf(job));
    finish(ctx, job, status, reason);
  } catch (error) {
    // The undo itself failed (e.g. the person lost their role): say so, keep the undo log for a retry.
    console.error(`import ${id}: undo failed`, error);
    const why = error instanceof AppError ? error.message : 'internal error';
    finish(ctx, job, 'failed', `${reason ?? 'cancelled'}; undoing it failed too (${why}), so some imported rows remain`);
  }
}

/** The last state of a job; its upload is deleted, as nothing will read it again. */
export function finish(ctx: AppContext, job: ImportJobRow, status: 'done' | 'failed' | 'cancelled', failure?: string): void {
  updateJob(ctx.db, job.id, { status, finished_at: new Date().toISOString(), file_path: null, ...(failure ? { failure } : {}) });
  if (status === 'done') deleteUndo(ctx.db, job.id);
  if (job.file_path) fs.rmSync(job.file_path, { force: true });
}
