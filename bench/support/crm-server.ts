import fs from 'node:fs';
import { startServer, type TesseraServer } from '../../server/http/create-server.ts';
import { openBenchDb, writeCustomerTable } from './bench-db.ts';
import { adminTokenClient, type BenchClient } from './rest-client.ts';

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
  const bench = await openBenchDb('tessera-bench-views-');
  const started = performance.now();
  const { tableId, fieldIds } = await writeCustomerTable(bench, total);
  const seedSeconds = (performance.now() - started) / 1000;
  bench.ctx.db.close();
  const server = await startServer(bench.config, { ui: 'none' });
  return {
    server,
    api: await adminTokenClient(server.url),
    tableId,
    fieldIds,
    seedSeconds,
    async close() {
      await server.close();
      fs.rmSync(bench.dataDir, { recursive: true, force: true });
    },
  };
}

/** Wall-clock ms of one call. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
