import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
for (const level of ['NORMAL','FULL']) {
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-'));
const db = new BetterSqlite3(path.join(dir, 'x.db'));
db.pragma('journal_mode = WAL'); db.pragma(`synchronous = ${level}`);
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
const tx = db.transaction((i: number) => ins.run('x' + i));
const t0 = performance.now();
for (let i = 0; i < 500; i++) tx(i);
console.log(level, ((performance.now() - t0) / 500).toFixed(3), 'ms per tx', os.tmpdir());
}
