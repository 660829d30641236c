import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { requireFieldType } from '../../core/fields/registry.ts';
import { csvCellFormatters, csvLines, encodeCsv, type CsvEncoding } from './csv-text.ts';
import { readRawPages } from './raw-pages.ts';

/** What an export worker is started with: plain data, and the ids in shared memory. */
export interface ExportWorkerTask {
  file: string;
  sqlTable: string;
  fields: Array<{ column: string; type: string; options: Record<string, unknown> }>;
  format: { locale: string; timeZone: string; names: Array<[string, string]> };
  encoding: CsvEncoding;
  ids: Float64Array;
  /** This worker writes pages first, first + step, first + 2·step … */
  first: number;
  step: number;
}

export type ExportWorkerMessage = { type: 'page'; bytes: Uint8Array } | { type: 'end' } | { type: 'error'; message: string };

// An export worker: reads its share of an export's pages over its own read-only connection
// (WAL lets readers run beside the server's writer), formats them as CSV lines and encodes
// them, one message per page. The server thread only passes the bytes on, in page order.

const task = workerData as ExportWorkerTask;
const port = parentPort!;
let credits = 0;
let wake: (() => void) | undefined;
port.on('message', (message: { credits: number }) => {
  credits += message.credits;
  wake?.();
});

async function credit(): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
}

const db = new BetterSqlite3(task.file, { readonly: true, fileMustExist: true });
try {
  const names = new Map(task.format.names);
  const format = { locale: task.format.locale, timeZone: task.format.timeZone, userName: (id: string) => names.get(id) };
  const fields = task.fields.map((field) => ({ fieldType: requireFieldType(field.type), options: field.options }));
  const cells = csvCellFormatters(fields, format);
  const pages = readRawPages(db, task.sqlTable, task.fields.map((field) => field.column), task.ids, task.first, task.step);
  for (;;) {
    await credit();
    const page = pages.next();
    if (page.done) break;
    port.postMessage({ type: 'page', bytes: encodeCsv(csvLines(page.value, cells), task.encoding) } satisfies ExportWorkerMessage);
  }
  port.postMessage({ type: 'end' } satisfies ExportWorkerMessage);
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies ExportWorkerMessage);
} finally {
  db.close();
  port.close();
}
