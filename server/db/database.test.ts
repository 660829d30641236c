import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Database } from './database.ts';

function memory(): Database {
  const db = new Database(new BetterSqlite3(':memory:'));
  db.sqlite.exec('CREATE TABLE t (v INTEGER)');
  return db;
}

describe('afterCommit', () => {
  it('runs at once outside a transaction, and after the outermost commit inside one', () => {
    const db = memory();
    const calls: string[] = [];
    db.afterCommit(() => calls.push('now'));
    db.transaction(() => {
      db.afterCommit(() => calls.push('outer'));
      db.transaction(() => db.afterCommit(() => calls.push('inner')));
      expect(calls).toEqual(['now']);
    });
    expect(calls).toEqual(['now', 'outer', 'inner']);
  });

  it('drops the callbacks of a level that rolls back, keeping the others', () => {
    const db = memory();
    const calls: string[] = [];
    db.transaction(() => {
      db.afterCommit(() => calls.push('kept'));
      expect(() => db.transaction(() => {
        db.afterCommit(() => calls.push('rolled back'));
        throw new Error('inner fails');
      })).toThrow('inner fails');
    });
    expect(calls).toEqual(['kept']);
    expect(() => db.transaction(() => {
      db.afterCommit(() => calls.push('never'));
      throw new Error('outer fails');
    })).toThrow('outer fails');
    expect(calls).toEqual(['kept']);
  });
});
