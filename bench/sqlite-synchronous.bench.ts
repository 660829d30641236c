import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { percentile, round, type Bench } from './harness.ts';

/**
 * The measurement behind docs/decisions/0003: what each `synchronous` level costs for the
 * two shapes of write Tessera makes — one small transaction per cell edit, and big batches.
 * Each transaction writes a row, a history row and an outbox row, like the write path.
 */
export const sqliteSynchronousBench: Bench = {
  name: 'sqlite-synchronous',
  async run(ctx) {
    for (const level of ['OFF', 'NORMAL', 'FULL'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-sync-'));
      const db = new BetterSqlite3(path.join(dir, 'bench.db'));
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${level}`);
      db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, version INTEGER, a TEXT, b REAL, c TEXT);
        CREATE TABLE h (id INTEGER PRIMARY KEY, rid INTEGER, changes TEXT);
        CREATE TABLE o (id INTEGER PRIMARY KEY, rid INTEGER, hid INTEGER);`);
      const insert = db.prepare('INSERT INTO t (version, a, b, c) VALUES (1, ?, ?, ?)');
      const history = db.prepare('INSERT INTO h (rid, changes) VALUES (?, ?)');
      const outbox = db.prepare('INSERT INTO o (rid, hid) VALUES (?, ?)');
      const writeOne = (i: number) => {
        const rid = Number(insert.run(`客户${i}`, i * 1.5, 'x'.repeat(40)).lastInsertRowid);
        const hid = Number(history.run(rid, '{"a":[null,"x"]}').lastInsertRowid);
        outbox.run(rid, hid);
      };
      const small = db.transaction(writeOne);
      const samples: number[] = [];
      const edits = ctx.scale(3000);
      for (let i = 0; i < edits; i++) {
        const t0 = performance.now();
        small(i);
        samples.push(performance.now() - t0);
      }
      ctx.report({ name: `${level}: single-edit transaction p50`, value: round(percentile(samples, 50), 3), unit: 'ms' });
      ctx.report({ name: `${level}: single-edit transaction p99`, value: round(percentile(samples, 99), 3), unit: 'ms' });
      const rows = ctx.scale(200_000);
      const batch = db.transaction((start: number) => {
        for (let i = start; i < start + 1000; i++) writeOne(i);
      });
      const t0 = performance.now();
      for (let start = 0; start < rows; start += 1000) batch(start);
      ctx.report({ name: `${level}: batched rows/s (1,000 per transaction)`, value: Math.round(rows / ((performance.now() - t0) / 1000)), unit: 'rows/s' });
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
