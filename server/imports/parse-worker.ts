import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { readCoercedBatches, type SheetTask } from './batch-reader.ts';
import type { CoercedBatch } from './coerced-batch.ts';
import { WORKER_BATCH_ROWS } from './limits.ts';

// A parse worker: reads and coerces one sheet of an import on the second core while the
// main thread writes the previous batches (batch-pipeline.ts). It runs ahead by at most
// the credits the main thread grants, so a slow database never lets batches pile up here.

export type WorkerMessage =
  | { type: 'batch'; batch: CoercedBatch & { sheetBytes: number } }
  | { type: 'end' }
  | { type: 'error'; code?: string; message: string; details?: Record<string, unknown>; stack?: string };

const port = parentPort!;
let credits = 0;
let wake: (() => void) | undefined;
port.on('message', (message: { type: 'more'; credits: number }) => {
  credits += message.credits;
  wake?.();
});

async function credit(): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
}

function transferables(batch: CoercedBatch): ArrayBuffer[] {
  const buffers = [batch.rows.buffer, ...batch.present.map((flags) => flags.buffer)];
  for (const column of batch.stored) {
    if (column.kind === 'number') buffers.push(column.numbers.buffer, column.nulls.buffer);
    if (column.kind === 'text') buffers.push(column.ends.buffer);
  }
  return buffers as ArrayBuffer[];
}

try {
  for await (const batch of readCoercedBatches(workerData as SheetTask, WORKER_BATCH_ROWS)) {
    await credit();
    port.postMessage({ type: 'batch', batch } satisfies WorkerMessage, transferables(batch));
  }
  port.postMessage({ type: 'end' } satisfies WorkerMessage);
} catch (error) {
  const message: WorkerMessage = error instanceof AppError
    ? { type: 'error', code: error.code, message: error.message, details: error.details }
    : { type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  port.postMessage(message);
}
port.close();
