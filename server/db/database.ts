import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Compilable, type Migration } from 'kysely';
import type { MetaSchema } from './schema.ts';

type SqlValue = string | number | bigint | Buffer | null;

/**
 * One SQLite connection, used two ways: Kysely builds typed queries, and they run
 * synchronously on better-sqlite3 so that a write batch is one synchronous transaction
 * (fast, and no other request can interleave with it). See docs/decisions/0002.
 */
export class Database {
  readonly kysely: Kysely<MetaSchema>;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly sqlite: BetterSqlite3.Database) {
    this.kysely = new Kysely<MetaSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  /** A cached prepared statement; SQL text is always ours, values are bound. */
  prepare(sqlText: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sqlText);
    if (!statement) {
      statement = this.sqlite.prepare(sqlText);
      if (this.statements.size > 2000) this.statements.clear();
      this.statements.set(sqlText, statement);
    }
    return statement;
  }

  all<R>(query: Compilable<R>): R[] {
    const compiled = query.compile();
    const statement = this.prepare(compiled.sql);
    return statement.reader ? (statement.all(...bindable(compiled.parameters)) as R[]) : [];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const compiled = query.compile();
    return this.prepare(compiled.sql).get(...bindable(compiled.parameters)) as R | undefined;
  }

  run(query: Compilable<unknown>): BetterSqlite3.RunResult {
    const compiled = query.compile();
    return this.prepare(compiled.sql).run(...bindable(compiled.parameters));
  }

  /** Callbacks waiting for the commit, one list per open transaction level. */
  private readonly pendingAfterCommit: Array<Array<() => void>> = [];

  /**
   * Runs `fn` in one transaction (nested calls become savepoints). Callbacks registered with
   * `afterCommit` inside it run once the OUTERMOST transaction commits, and are dropped with
   * any level that rolls back.
   */
  transaction<T>(fn: () => T): T {
    this.pendingAfterCommit.push([]);
    let result: T;
    try {
      result = this.sqlite.transaction(fn)();
    } catch (error) {
      this.pendingAfterCommit.pop();
      throw error;
    }
    const done = this.pendingAfterCommit.pop()!;
    const parent = this.pendingAfterCommit.at(-1);
    if (parent) parent.push(...done);
    else {
      for (const listener of this.commitListeners) listener();
      for (const callback of done) callback();
    }
    return result;
  }

  private readonly commitListeners: Array<() => void> = [];

  /** Calls `listener` after every outermost transaction commits (the WAL checkpointer's cue). */
  onCommit(listener: () => void): () => void {
    this.commitListeners.push(listener);
    return () => {
      const at = this.commitListeners.indexOf(listener);
      if (at >= 0) this.commitListeners.splice(at, 1);
    };
  }

  /** Runs `callback` after the current transaction commits, or now outside of one. */
  afterCommit(callback: () => void): void {
    const level = this.pendingAfterCommit.at(-1);
    if (level) level.push(callback);
    else callback();
  }

  /** Drops cached statements, which SQLite invalidates anyway after DDL on their tables. */
  forgetStatements(): void {
    this.statements.clear();
  }

  close(): void {
    this.statements.clear();
    this.sqlite.close();
  }
}

function bindable(parameters: readonly unknown[]): SqlValue[] {
  return parameters.map((value) => (typeof value === 'boolean' ? Number(value) : (value as SqlValue)));
}

export interface OpenOptions {
  /** Folder of `tessera.db`; created when missing. */
  dataDir: string;
  migrations: Record<string, Migration>;
  /** SQLite's `synchronous` level; FULL unless the operator chose otherwise (decision 0003). */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Opens (or creates) the database file, sets its pragmas and applies pending migrations. */
export async function openDatabase({ dataDir, migrations, synchronous = 'FULL' }: OpenOptions): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, 'tessera.db'));
  applyPragmas(sqlite, synchronous);
  const db = new Database(sqlite);
  const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    db.close();
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return db;
}

function applyPragmas(sqlite: BetterSqlite3.Database, synchronous: 'FULL' | 'NORMAL'): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL by default: an acknowledged edit survives a power cut too; NORMAL (WAL-safe, loses
  // only the last commits on an OS crash) for disks whose fsync is slow. Decision 0003.
  sqlite.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
}
