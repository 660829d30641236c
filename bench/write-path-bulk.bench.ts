import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../migrations/index.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/index.ts';
import { EventBus } from '../server/events/index.ts';
import { writeRecords } from '../server/records/index.ts';
import { createTable } from '../server/tables/index.ts';
import { actorOf } from '../tests/support/records-table.ts';
import { createBase, createUser } from '../tests/support/seed.ts';
import { round, type Bench } from './harness.ts';
import { CUSTOMER_BENCH_FIELDS, customerChunks } from './support/crm-rows.ts';

/**
 * Bulk create through the one write path (coercion, rows, history, outbox in one
 * transaction per batch of 10,000), at 100k and 1M rows × 10 fields. Target ≥ 100,000 rows/s.
 */
export const writePathBulkBench: Bench = {
  name: 'write-path-bulk',
  async run(bench) {
    for (const total of [bench.scale(100_000), bench.scale(1_000_000)]) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-'));
      const db = await openDatabase({ dataDir, migrations });
      const ctx: AppContext = { db, events: new EventBus(), inTransactionHooks: [], config: { port: 0, host: '127.0.0.1', dataDir, secureCookies: false } };
      const user = createUser(ctx, { email: 'bench@example.com', name: 'Bench' });
      const baseId = createBase(ctx, user.id, 'Bench');
      const actor = actorOf(user);
      const table = createTable(ctx, actor, baseId, { name: 'Customers', fields: CUSTOMER_BENCH_FIELDS.map((f) => ({ ...f })) as never });
      const idOf = new Map(table.fields.map((field) => [field.name, field.id]));
      let writeMs = 0;
      for await (const chunk of customerChunks(total)) {
        const creates = chunk.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [idOf.get(name)!, value])));
        const t0 = performance.now();
        writeRecords(ctx, { tableId: table.id, creates }, { actor, origin: 'import', typecast: true });
        writeMs += performance.now() - t0;
      }
      const label = `${total.toLocaleString('en')} rows × 10 fields`;
      bench.report({ name: `${label}: write path`, value: Math.round(total / (writeMs / 1000)), unit: 'rows/s', target: '≥ 100,000' });
      bench.report({ name: `${label}: process RSS after`, value: round(process.memoryUsage().rss / 1024 / 1024, 0), unit: 'MB' });
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
