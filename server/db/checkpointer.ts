import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from './database.ts';

/** The thread's clock: how often it looks whether a pass is due. */
const INTERVAL_MS = 100;
/** Rows changed since the last pass that call for one at once (an import's batch changes 15,000). */
const CHANGES_PER_PASS = 1_000;
/** A pause in writing this long copies what smaller commits left. */
const IDLE_MS = 250;
/** A pass at least this often, for writes made outside a transaction. */
const EVERY_MS = 5_000;
/**
 * The writer's own automatic checkpoint, kept as a backstop: it only runs if the thread
 * falls this far behind (64 MB of 4 KB pages), instead of every 1,000 pages.
 */
const BACKSTOP_PAGES = 16_384;
/** SQLite's default, put back if the thread fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * WAL checkpoints off the request thread (decision 0005). SQLite's automatic checkpoint runs
 * inside a commit once the WAL passes 1,000 pages: a writer then copies pages into the
 * database file and syncs it before its commit returns — about a sixth of the time of a
 * 1M-row import, and stalls for whoever commits at that moment. A worker thread with its own
 * connection copies committed pages instead (PASSIVE: it never blocks the writer): right after
 * a bulk commit, and for small ones once enough have gathered or writing pauses; the
 * writer's own checkpoint stays as a backstop. A TRUNCATE checkpoint once a
 * minute still shrinks the WAL file after bulk writes. Returns a function that stops both.
 */
export function startCheckpoints(
  db: Database,
  { synchronous = 'FULL', truncateEveryMs = 60_000, idleMs = IDLE_MS }: { synchronous?: 'FULL' | 'NORMAL'; truncateEveryMs?: number; idleMs?: number } = {},
): () => Promise<void> {
  const truncate = setInterval(() => db.sqlite.pragma('wal_checkpoint(TRUNCATE)'), truncateEveryMs);
  truncate.unref();
  if (db.sqlite.memory) return async () => clearInterval(truncate);

  // Plain JavaScript beside this module, and beside the bundle (scripts/build-server.mjs copies it).
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file: path.resolve(db.sqlite.name), synchronous, intervalMs: INTERVAL_MS, changesPerPass: CHANGES_PER_PASS, idleMs, everyMs: EVERY_MS }, resourceLimits: { maxOldGenerationSizeMb: 16 } });
  worker.unref();
  db.sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // Rows changed by each commit (the connection's running total), so the thread can tell a
  // bulk commit from a single edit.
  const totalChanges = db.sqlite.prepare('SELECT total_changes()').pluck();
  let reported = totalChanges.get() as number;
  const offCommit = db.onCommit(() => {
    const total = totalChanges.get() as number;
    worker.postMessage({ type: 'commit', changes: total - reported });
    reported = total;
  });
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    // Without the thread the writer checkpoints for itself again, as SQLite does by default.
    if (running) db.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    console.error('the WAL checkpoint thread failed; checkpoints run in commits again:', error);
  });
  return async () => {
    running = false;
    offCommit();
    clearInterval(truncate);
    worker.postMessage({ type: 'stop' });
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref())]);
    if (!stopped) await worker.terminate();
  };
}
