import { Worker } from 'node:worker_threads';
import type { FormatContext } from '../../core/fields/field-type.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { CsvEncoding } from './csv-text.ts';
import type { ExportSelection } from './export-rows.ts';
import type { ExportWorkerMessage, ExportWorkerTask } from './export-worker.ts';
import { pagesOf } from './raw-pages.ts';

/** Exports of this many records are formatted by workers; below it a thread's start-up costs more than it saves. */
export const EXPORT_WORKER_MIN_ROWS = 20_000;
/** Two cores: two workers keep both busy while this thread only passes bytes on. */
const WORKERS = 2;
/** Pages each worker may format ahead of the download. */
const AHEAD = 3;

/**
 * The CSV body of a big export, formatted by export workers (export-worker.ts) that read
 * alternate pages over their own read-only connections; this thread yields their bytes in
 * page order, granting each worker a page more only when one of its pages was taken, so a
 * slow download holds the workers back, not memory. Leaving early stops them.
 */
export async function* workerCsvChunks(ctx: AppContext, selection: ExportSelection, format: FormatContext, names: Array<[string, string]>, encoding: CsvEncoding): AsyncGenerator<Buffer> {
  const ids = new Float64Array(new SharedArrayBuffer(selection.ids.length * 8));
  ids.set(selection.ids);
  const pages = pagesOf(ids.length);
  const count = Math.min(WORKERS, pages);
  const base: Omit<ExportWorkerTask, 'first' | 'step'> = {
    file: ctx.db.sqlite.name,
    sqlTable: selection.schema.sqlTable,
    fields: selection.fields.map((field) => ({ column: field.column, type: field.type, options: field.options })),
    format: { locale: format.locale, timeZone: format.timeZone, names },
    encoding,
    ids,
  };
  const workers = Array.from({ length: count }, (_, first) => new PageQueue({ ...base, first, step: count }));
  try {
    for (let page = 0; page < pages; page++) {
      const worker = workers[page % count]!;
      const bytes = await worker.next();
      yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      worker.more();
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/** One export worker and the pages it sent that were not taken yet. */
class PageQueue {
  private readonly worker: Worker;
  private readonly queue: Uint8Array[] = [];
  private failure?: Error;
  private wake?: () => void;

  constructor(task: ExportWorkerTask) {
    const execArgv = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
    this.worker = new Worker(new URL('./export-worker-entry.mjs', import.meta.url), { workerData: task, execArgv });
    this.worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'page') this.queue.push(message.bytes);
      if (message.type === 'error') this.failure = new AppError('INTERNAL', `export worker: ${message.message}`);
      this.arrive();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.arrive();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new AppError('INTERNAL', `an export worker stopped (exit code ${code})`);
      this.arrive();
    });
    this.worker.postMessage({ credits: AHEAD });
  }

  async next(): Promise<Uint8Array> {
    for (;;) {
      const bytes = this.queue.shift();
      if (bytes) return bytes;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  more(): void {
    this.worker.postMessage({ credits: 1 });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private arrive(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
