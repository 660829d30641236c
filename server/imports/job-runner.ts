import fs from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { jobActor, planOf, tablesOf, type TouchedTable } from './job-state.ts';
import { deleteUndo, findJob, updateJob, type ImportJobRow } from './jobs.repository.ts';
import { findBaseMembers } from '../records/user-resolver.ts';
import type { SheetTask } from './batch-reader.ts';
import { sheetBatches } from './batch-pipeline.ts';
import { rollbackImport } from './rollback.ts';
import { SheetWriter } from './sheet-writer.ts';
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
  const { size } = await fs.promises.stat(job.file_path!);
  const touched: TouchedTable[] = [];
  const errorState = { id: job.id, errorCount: 0 };
  let bytesBefore = 0;
  for (const sheetPlan of plan.sheets) {
    const target = prepareTarget(ctx, actor, job.base_id, sheetPlan, (table) => {
      if (!touched.includes(table)) touched.push(table);
      updateJob(ctx.db, job.id, { tables: JSON.stringify(touched) });
    });
    const writer = new SheetWriter(ctx, errorState, actor, target, job.format === 'xlsx' ? sheetPlan.sheet : undefined);
    const task: SheetTask = {
      path: job.file_path!,
      fileName: job.file_name,
      sheet: sheetPlan.sheet,
      headerRow: sheetPlan.headerRow,
      skipHiddenRows: sheetPlan.skipHiddenRows,
      columns: target.columns.map(({ index, header, field }) => ({ index, header, fieldId: field.id, type: field.type, options: field.options })),
      ...(sheetPlan.keyColumn !== undefined ? { keyColumn: sheetPlan.keyColumn } : {}),
      timeZone: target.schema.timeZone,
      members: findBaseMembers(ctx, job.base_id),
      bytesBefore,
    };
    let sheetBytes = 0;
    for await (const batch of sheetBatches(task, size)) {
      await yieldToEventLoop();
      if (stopped(ctx)) throw new Cancelled();
      if (findJob(ctx.db, job.id)?.cancel_requested) throw new Cancelled();
      writer.write(batch, task.keyColumn);
      sheetBytes = batch.sheetBytes;
    }
    bytesBefore += sheetBytes;
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
