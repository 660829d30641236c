import { Worker } from 'node:worker_threads';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors.ts';
import { readCoercedBatches, type SheetTask } from './batch-reader.ts';
import { mergeCoercedBatches, type CoercedBatch } from './coerced-batch.ts';
import { IMPORT_BATCH_ROWS, PARSE_WORKER_MIN_BYTES, WORKER_BATCH_ROWS } from './limits.ts';
import type { WorkerMessage } from './parse-worker.ts';
import { RUNS_FROM_BUNDLE } from '../runtime.ts';

export type SheetBatch = CoercedBatch & { sheetBytes: number };

/** Worker batches that may be read and coerced ahead of the one being written: two write batches' worth. */
const AHEAD = 2 * Math.ceil(IMPORT_BATCH_ROWS / WORKER_BATCH_ROWS);

/**
 * A sheet's coerced batches, in file order. A file of PARSE_WORKER_MIN_BYTES or more is
 * read and coerced by a worker thread while this thread writes (two cores: parsing and
 * coercing cost about as much as writing); a smaller one inline, where a thread's start-up
 * would cost more than it saves. Leaving the loop early (cancel, failure) stops the worker.
 */
export function sheetBatches(task: SheetTask, fileBytes: number): AsyncGenerator<SheetBatch> {
  return fileBytes >= PARSE_WORKER_MIN_BYTES ? workerBatches(task) : readCoercedBatches(task);
}

async function* workerBatches(task: SheetTask): AsyncGenerator<SheetBatch> {
  // No inherited loader flags: the bundle's worker is JavaScript, and from the sources the
  // entry loads the worker's TypeScript itself (parse-worker-entry.mjs). A CPU profile of
  // the process (BENCH_CPU_PROF) covers the worker too.
  const execArgv = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const script = RUNS_FROM_BUNDLE ? new URL('./parse-worker.js', import.meta.url) : new URL('./parse-worker-entry.mjs', import.meta.url);
  // A young generation of 32 MB: each batch's values live until it is sent, and the 4 MB
  // this had while the server ran under tsx (to fit 600 MB) made the worker spend a third
  // of its time in scavenges copying them (decisions 0004, 0031).
  const worker = new Worker(script, { workerData: task, execArgv, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let exit: { code: number } | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    arrive();
  });
  worker.on('error', (error) => {
    queue.push({ type: 'error', message: error.message, stack: error.stack });
    arrive();
  });
  worker.on('exit', (code) => {
    exit = { code };
    arrive();
  });
  worker.postMessage({ type: 'more', credits: AHEAD });
  // The worker's small batches, merged into write batches of IMPORT_BATCH_ROWS.
  let parts: SheetBatch[] = [];
  let rows = 0;
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (exit) throw new AppError('INTERNAL', `the import's parse worker stopped (exit code ${exit.code})`);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'error') throw workerError(message);
      if (message.type === 'end') {
        if (parts.length) yield mergeCoercedBatches(parts);
        return;
      }
      parts.push(message.batch);
      rows += message.batch.rows.length;
      worker.postMessage({ type: 'more', credits: 1 });
      if (rows < IMPORT_BATCH_ROWS) continue;
      const batch = mergeCoercedBatches(parts);
      parts = [];
      rows = 0;
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}

function workerError(message: Extract<WorkerMessage, { type: 'error' }>): Error {
  if (message.code && message.code in ERROR_STATUS) return new AppError(message.code as ErrorCode, message.message, message.details);
  const error = new Error(message.message);
  if (message.stack) error.stack = message.stack;
  return error;
}
