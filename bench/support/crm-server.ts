import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../migrations/index.ts';
import { ensureAdminFromConfig } from '../../server/auth/bootstrap.ts';
import type { Config } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import { openDatabase } from '../../server/db/index.ts';
import { EventBus } from '../../server/events/index.ts';
import { startServer, type TesseraServer } from '../../server/http/create-server.ts';
import { writeRecords } from '../../server/records/index.ts';
import { createTable } from '../../server/tables/index.ts';
import { actorOf } from '../../tests/support/records-table.ts';
import { createBase } from '../../tests/support/seed.ts';
import { CUSTOMER_BENCH_FIELDS, customerChunks } from './crm-rows.ts';
import { BENCH_ADMIN, BenchClient } from './rest-client.ts';

export interface CrmServer {
  server: TesseraServer;
  api: BenchClient;
  tableId: string;
  fieldIds: Map<string, string>;
  /** Seconds the rows took to write (through the write path, in process). */
  seedSeconds: number;
  close(): Promise<void>;
}

/**
 * A customers table of `total` rows written in-process through the write path, then served
 * by a server in this process (the benches reach its services' caches and search index
 * state directly) and an API client with a token, all on 127.0.0.1.
 */
export async function startCrmServer(total: number): Promise<CrmServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-views-'));
  const admin = { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD };
  const config: Config = { port: 0, host: '127.0.0.1', dataDir, secureCookies: false, admin };
  const db = await openDatabase({ dataDir, migrations });
  const ctx: AppContext = { db, events: new EventBus(), inTransactionHooks: [], config };
  await ensureAdminFromConfig(ctx);
  const user = db.first(db.kysely.selectFrom('users').select(['id']).where('email', '=', admin.email))!;
  const actor = actorOf(user);
  const baseId = createBase(ctx, user.id, 'Bench', 'Asia/Shanghai');
  const table = createTable(ctx, actor, baseId, { name: 'Customers', fields: CUSTOMER_BENCH_FIELDS.map((f) => ({ ...f })) as never });
  const fieldIds = new Map(table.fields.map((field) => [field.name, field.id]));
  const started = performance.now();
  for await (const chunk of customerChunks(total)) {
    const creates = chunk.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [fieldIds.get(name)!, value])));
    writeRecords(ctx, { tableId: table.id, creates }, { actor, origin: 'import', typecast: true });
  }
  const seedSeconds = (performance.now() - started) / 1000;
  db.close();
  const server = await startServer(config, { ui: 'none' });
  const session = new BenchClient(server.url);
  await session.call('POST', '/auth/login', admin);
  const token = await session.call<{ token: string }>('POST', '/tokens', { name: 'bench' });
  return {
    server,
    api: new BenchClient(server.url, token.body.token),
    tableId: table.id,
    fieldIds,
    seedSeconds,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Wall-clock ms of one call. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
