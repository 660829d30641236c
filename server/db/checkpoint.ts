import type { Database } from './database.ts';

/**
 * SQLite's automatic checkpoint is PASSIVE and never shrinks the WAL file; a periodic
 * TRUNCATE checkpoint keeps the log bounded after bulk imports.
 */
export function startWalCheckpoints(db: Database, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
