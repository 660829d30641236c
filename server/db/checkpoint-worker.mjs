// The WAL checkpointer's thread (checkpointer.ts): copies committed pages from the WAL into
// the database file on its own connection, so the thread that serves requests and writes
// never does it inside a commit. Plain JavaScript: it needs no TypeScript loader, from the
// sources or from the bundle.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, synchronous, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
// The checkpoint syncs the database file as the server's connection would have.
db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
db.pragma('wal_autocheckpoint = 0');

/**
 * PASSIVE never waits for a lock and never blocks the writer: it copies what is committed and
 * not yet copied. Repeated while the writer commits faster than one pass copies; once the
 * WAL is fully copied, the writer's next transaction starts it over from the beginning.
 */
function checkpoint() {
  for (let pass = 0; pass < 8; pass++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.busy || result.log <= 0 || result.checkpointed >= result.log) return;
  }
}

// A pass after each commit the server reports (coalesced), and on a timer for writes
// outside a transaction: the sooner a pass follows a commit, the likelier the WAL is fully
// copied when the next transaction starts, which is when SQLite starts it over.
let queued = false;
const timer = setInterval(checkpoint, intervalMs);
parentPort.on('message', (message) => {
  if (message === 'commit') {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      checkpoint();
    });
    return;
  }
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
