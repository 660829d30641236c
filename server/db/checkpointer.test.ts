import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpoints } from './checkpointer.ts';
import { Database } from './database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fileDatabase(): { db: Database; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-checkpoints-'));
  dirs.push(dir);
  const file = path.join(dir, 'tessera.db');
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  return { db: new Database(sqlite), file };
}

describe('startCheckpoints', () => {
  it('copies the WAL into the database on its own thread, so bulk writes keep the WAL small without checkpointing in their commits', async () => {
    const { db, file } = fileDatabase();
    const stop = startCheckpoints(db);
    // The writer's own checkpoint is only a backstop now (64 MB).
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    const insert = db.sqlite.prepare('INSERT INTO t (v) VALUES (?)');
    const text = 'x'.repeat(200);
    let walPeak = 0;
    // ~40 MB in 40 transactions, a little slower than an import's batches.
    for (let batch = 0; batch < 40; batch++) {
      db.transaction(() => {
        for (let i = 0; i < 5_000; i++) insert.run(`${batch}-${i}-${text}`);
      });
      walPeak = Math.max(walPeak, fs.statSync(`${file}-wal`).size);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    // Without the thread nothing would checkpoint below the backstop: the WAL would hold all ~40 MB.
    expect(walPeak).toBeLessThan(16 * 1024 * 1024);
    await stop();
    db.close();
    const reopened = new BetterSqlite3(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(200_000);
    reopened.close();
  }, 60_000);

  it('stops its thread and leaves in-memory databases alone', async () => {
    const { db } = fileDatabase();
    const stop = startCheckpoints(db);
    await stop();
    db.sqlite.exec("INSERT INTO t (v) VALUES ('after stop')");
    db.close();
    const memory = new Database(new BetterSqlite3(':memory:'));
    const stopMemory = startCheckpoints(memory);
    expect(memory.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    await stopMemory();
    memory.close();
  });

  it('lets single edits gather instead of syncing the database file after each, and copies them once writing pauses', async () => {
    const { db, file } = fileDatabase();
    const stop = startCheckpoints(db, { idleMs: 1_500 });
    const insert = db.sqlite.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 200; i++) db.transaction(() => insert.run(`edit ${i}`));
    // The WAL's frames and how many are copied, from its index (sqlite.org/walformat.html).
    const frames = () => {
      const header = Buffer.alloc(100);
      const handle = fs.openSync(`${file}-shm`, 'r');
      fs.readSync(handle, header, 0, 100, 0);
      fs.closeSync(handle);
      return { written: header.readUInt32LE(16), copied: header.readUInt32LE(96) };
    };
    await new Promise((resolve) => setTimeout(resolve, 300));
    const gathering = frames();
    expect(gathering.written).toBeGreaterThanOrEqual(200);
    expect(gathering.copied).toBe(0);
    await expect.poll(() => frames().copied, { timeout: 5_000, interval: 100 }).toBe(gathering.written);
    await stop();
    db.close();
  });
});

