import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { openDatabase, type Database } from '../../server/db/index.ts';

let dir: string;
let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('opening the database', () => {
  it('creates the file and applies every migration from empty, then opens it again unchanged', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-db-'));
    db = await openDatabase({ dataDir: path.join(dir, 'nested', 'data'), migrations });
    const applied = db.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
    expect(applied.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
    const tables = (db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens', 'bases', 'base_members', 'tables', 'fields', 'views', 'record_history', 'outbox', 'audit_log', 'attachments']));
    db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    db.close();

    db = await openDatabase({ dataDir: path.join(dir, 'nested', 'data'), migrations });
    expect(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: '1' });
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n).toBe(applied.length);
  });

  it('sets the pragmas the design asks for', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-db-'));
    db = await openDatabase({ dataDir: dir, migrations });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL, decision 0003
  });

  it('refuses to start on a migration that fails, naming it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-db-'));
    const broken = { ...migrations, '9999-broken': { up: async () => { throw new Error('boom'); } } };
    await expect(openDatabase({ dataDir: dir, migrations: broken })).rejects.toThrow(/9999-broken/);
  });
});
