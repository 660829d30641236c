import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/actor.ts';
import { requireBaseAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { parseImportOptions } from './import-options.ts';
import { inspectSheet, type SheetInspection } from './inspect.ts';
import { finish, runImportJob } from './job-runner.ts';
import { tablesOf } from './job-state.ts';
import { findErrors, findJob, findJobsWithStatus, insertJob, newImportId, updateJob, type ImportJobRow } from './jobs.repository.ts';
import { openSource } from './open-source.ts';
import { planImport } from './plan.ts';
import { rollbackImport } from './rollback.ts';
import { jobActor } from './job-state.ts';
import type { ImportSource } from './source.ts';
import { uploadsDir, type Upload } from './upload.ts';

export const ERRORS_PAGE = 100;

/** Jobs run one at a time per server, in the order they came; each yields between batches. */
const queues = new WeakMap<AppContext['events'], Promise<void>>();

function schedule(ctx: AppContext, id: string): void {
  const next = (queues.get(ctx.events) ?? Promise.resolve()).then(() => runImportJob(ctx, id));
  queues.set(ctx.events, next);
}

async function withSource<T>(upload: Upload, use: (source: ImportSource) => Promise<T>): Promise<T> {
  const source = await openSource(upload.path, upload.fileName);
  try {
    return await use(source);
  } finally {
    source.close();
  }
}

/**
 * POST /bases/:baseId/imports: checks the file and the options (a bad file or mapping is a
 * 4xx here, with nothing created), stores the plan as a queued job and starts it.
 */
export async function createImport(ctx: AppContext, actor: Actor, baseId: string, upload: Upload): Promise<{ id: string }> {
  try {
    requireBaseAccess(ctx, actor, baseId, 'writeRecords');
    const options = parseImportOptions(upload.options);
    const { plan, format, bytesTotal } = await withSource(upload, async (source) => ({
      ...(await planImport(ctx, actor, baseId, source, options)),
      format: source.format,
      bytesTotal: source.bytesTotal,
    }));
    const id = newImportId();
    const totals = plan.sheets.map((sheet) => sheet.rowsTotal);
    insertJob(ctx.db, {
      id, base_id: baseId, created_by: actor.userId, status: 'queued', format, file_name: upload.fileName, file_path: upload.path,
      plan: JSON.stringify(plan), rows_done: 0, rows_total: totals.every((n) => n !== undefined) ? totals.reduce((a, b) => a! + b!, 0)! : null,
      bytes_done: 0, bytes_total: bytesTotal, created: 0, updated: 0, skipped: 0, tables: '[]', error_count: 0, failure: null,
      cancel_requested: 0, created_at: new Date().toISOString(), started_at: null, finished_at: null,
    });
    schedule(ctx, id);
    return { id };
  } catch (error) {
    await fs.promises.rm(upload.path, { force: true });
    throw error;
  }
}

/** POST /bases/:baseId/imports/preview: what the file holds and how it would be imported; nothing is kept. */
export async function previewImport(ctx: AppContext, actor: Actor, baseId: string, upload: Upload): Promise<Record<string, unknown>> {
  try {
    requireBaseAccess(ctx, actor, baseId, 'writeRecords');
    const options = parseImportOptions(upload.options);
    return await withSource(upload, async (source) => {
      const sheets: SheetInspection[] = [];
      for (const sheet of source.sheets) {
        const wanted = options.sheets?.find((s) => s.name === sheet.name);
        sheets.push(await inspectSheet(source, sheet, wanted?.headerRow ?? options.headerRow));
      }
      return {
        format: source.format,
        ...(source.csv ? { encoding: source.csv.encoding, bom: source.csv.bom, delimiter: source.csv.delimiter } : {}),
        sheets,
      };
    });
  } finally {
    await fs.promises.rm(upload.path, { force: true });
  }
}

function requireJob(ctx: AppContext, actor: Actor, id: string, permission: 'readRecords' | 'writeRecords'): ImportJobRow {
  const job = findJob(ctx.db, id);
  if (!job) throw notFound('import');
  try {
    requireBaseAccess(ctx, actor, job.base_id, permission);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('import');
    throw error;
  }
  return job;
}

/** GET /imports/:id: progress, counts, tables and one page of the error report. */
export function getImport(ctx: AppContext, actor: Actor, id: string, errorsOffset = 0): Record<string, unknown> {
  const job = requireJob(ctx, actor, id, 'readRecords');
  const errors = findErrors(ctx.db, id, errorsOffset, ERRORS_PAGE);
  const kept = tablesOf(job).filter((table) => ctx.db.prepare('SELECT 1 FROM tables WHERE id = ?').get(table.id));
  const reported = Math.min(job.error_count, 100_000);
  return {
    id: job.id,
    status: job.status,
    fileName: job.file_name,
    format: job.format,
    rowsDone: job.rows_done,
    ...(job.rows_total !== null ? { rowsTotal: job.rows_total } : {}),
    bytesDone: job.bytes_done,
    bytesTotal: job.bytes_total,
    created: job.created,
    updated: job.updated,
    skipped: job.skipped,
    tables: kept.map((table) => ({ id: table.id, name: table.name })),
    errorCount: job.error_count,
    errors: errors.map((e) => ({ ...(e.sheet !== null ? { sheet: e.sheet } : {}), row: e.row, column: e.column, value: e.value, reason: e.reason })),
    errorsOffset,
    ...(errorsOffset + errors.length < reported ? { nextErrorsOffset: errorsOffset + errors.length } : {}),
    ...(job.failure ? { failure: job.failure } : {}),
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
  };
}

/** POST /imports/:id/cancel: the job stops before its next batch and undoes what it wrote. */
export function cancelImport(ctx: AppContext, actor: Actor, id: string): Record<string, unknown> {
  const job = requireJob(ctx, actor, id, 'writeRecords');
  if (job.status !== 'queued' && job.status !== 'running') {
    throw new AppError('CONFLICT', `the import is already ${job.status}`, { status: job.status });
  }
  updateJob(ctx.db, id, { cancel_requested: 1 });
  return getImport(ctx, actor, id);
}

/** Every reported error of a job, for GET /imports/:id/errors.csv. */
export function* importErrors(ctx: AppContext, actor: Actor, id: string): Generator<ReturnType<typeof findErrors>> {
  requireJob(ctx, actor, id, 'readRecords');
  for (let offset = 0; ; offset += 1000) {
    const page = findErrors(ctx.db, id, offset, 1000);
    if (!page.length) return;
    yield page;
  }
}

/**
 * At start-up: a job that was queued or running when the server stopped is undone and
 * marked failed (resuming would need the upload and the parser's position, and a partial
 * import that resumes hours later surprises people more than one that says "try again").
 */
export function recoverImports(ctx: AppContext): void {
  for (const job of findJobsWithStatus(ctx.db, ['queued', 'running'])) {
    try {
      rollbackImport(ctx, jobActor(ctx, job), job.id, tablesOf(job));
      finish(ctx, job, 'failed', 'the server restarted during the import; nothing of it was kept, please import the file again');
    } catch (error) {
      console.error(`import ${job.id}: undo after restart failed`, error);
      finish(ctx, job, 'failed', 'the server restarted during the import and undoing it failed; some imported rows may remain');
    }
  }
  const dir = uploadsDir(ctx.config.dataDir);
  const needed = new Set(findJobsWithStatus(ctx.db, ['queued', 'running']).map((job) => job.file_path));
  if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir)) if (!needed.has(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
}
