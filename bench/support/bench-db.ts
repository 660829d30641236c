import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../migrations/index.ts';
import type { Actor } from '../../server/auth/actor.ts';
import { ensureAdminFromConfig } from '../../server/auth/bootstrap.ts';
import type { Config } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import { openDatabase } from '../../server/db/index.ts';
import { EventBus } from '../../server/events/index.ts';
import { writeRecords } from '../../server/records/index.ts';
import { createTable } from '../../server/tables/index.ts';
import { actorOf } from '../../tests/support/records-table.ts';
import { createBase } from '../../tests/support/seed.ts';
import { CUSTOMER_BENCH_FIELDS, customerChunks } from './crm-rows.ts';
import { BENCH_ADMIN } from './rest-client.ts';

// Benchmarks seed their big tables in process, straight through the write path (much faster
// than over HTTP), then close the database and serve the data dir from a server.

/** A fresh data dir whose database has the bench admin and a base of theirs, open in process. */
export interface BenchDb {
  dataDir: string;
  /** The config a server over this data dir runs with (the bench admin included). */
  config: Config;
  ctx: AppContext;
  actor: Actor;
  baseId: string;
}

export async function openBenchDb(prefix: string): Promise<BenchDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const admin = { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD };
  const config: Config = { port: 0, host: '127.0.0.1', dataDir, secureCookies: false, admin };
  const db = await openDatabase({ dataDir, migrations });
  const ctx: AppContext = { db, events: new EventBus(), inTransactionHooks: [], config };
  await ensureAdminFromConfig(ctx);
  const user = db.first(db.kysely.selectFrom('users').select(['id']).where('email', '=', admin.email))!;
  const baseId = createBase(ctx, user.id, 'Bench', 'Asia/Shanghai');
  return { dataDir, config, ctx, actor: actorOf(user), baseId };
}

/** The customers table (CUSTOMER_BENCH_FIELDS) with `total` generated rows, written through the write path. */
export async function writeCustomerTable(bench: BenchDb, total: number): Promise<{ tableId: string; fieldIds: Map<string, string> }> {
  const { ctx, actor } = bench;
  const table = createTable(ctx, actor, bench.baseId, { name: 'Customers', fields: CUSTOMER_BENCH_FIELDS.map((f) => ({ ...f })) as never });
  const fieldIds = new Map(table.fields.map((field) => [field.name, field.id]));
  for await (const chunk of customerChunks(total)) {
    const creates = chunk.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [fieldIds.get(name)!, value])));
    writeRecords(ctx, { tableId: table.id, creates }, { actor, origin: 'import', typecast: true });
  }
  return { tableId: table.id, fieldIds };
}
