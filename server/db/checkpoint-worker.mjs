// The WAL checkpointer's thread (checkpointer.ts): copies committed pages from the WAL into
// the database file on its own connection, so the thread that serves requests and writes
// never does it inside a commit. Plain JavaScript: it needs no TypeScript loader, from the
// sources or from the bundle.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, synchronous, intervalMs, changesPerPass, idleMs, everyMs } = workerData;
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
  pending = 0;
  lastPass = Date.now();
  for (let pass = 0; pass < 8; pass++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.busy || result.log <= 0 || result.checkpointed >= result.log) return;
  }
}

// Rows changed by commits since the last pass, as the server reports them. A bulk commit
// (an import's or a paste's batch) gets a pass right away — the sooner it follows the
// commit, the likelier the WAL is fully copied when the next transaction starts, which is
// when SQLite starts it over. Single edits wait until enough have gathered or writing
// pauses: every pass also syncs the database file, and one per edit would compete with
// the edits' own syncs.
let pending = 0;
let lastCommit = 0;
let lastPass = Date.now();
let queued = false;
const timer = setInterval(() => {
  const now = Date.now();
  if ((pending > 0 && now - lastCommit >= idleMs) || now - lastPass >= everyMs) checkpoint();
}, intervalMs);
parentPort.on('message', (message) => {
  if (message.type === 'commit') {
    pending += message.changes;
    lastCommit = Date.now();
    if (pending < changesPerPass || queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      checkpoint();
    });
    return;
  }
  if (message.type !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
