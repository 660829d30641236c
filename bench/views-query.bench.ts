import fs from 'node:fs';
import { percentile, round, type Bench, type BenchContext } from './harness.ts';
import { openBenchDb, writeCustomerTable } from './support/bench-db.ts';
import { adminTokenClient, BENCH_ADMIN, type BenchClient } from './support/rest-client.ts';
import { startServerProcess } from './support/server-process.ts';

const RUNS = 30;

/**
 * A saved view's first page over 1,000,000 customers: two conditions (city is 上海 and the
 * estimated amount at least ¥1,000,000) sorted by the next follow-up date, the query people
 * run again and again. Measured over HTTP against the real server in its own process:
 * first before any index exists (the records list with an ad-hoc filter and sort, which
 * never indexes: a scan), then after the view is saved (saving builds the one composite
 * index that serves its filter and sort, decision 0055), through the grid's rows endpoint
 * and the records list.
 */
export const viewsQueryBench: Bench = {
  name: 'views-query',
  async run(bench) {
    const total = bench.scale(1_000_000);
    const label = `${total.toLocaleString('en')} rows`;
    const seeded = await seedTable(total);
    const server = await startServerProcess({ ...BENCH_ADMIN, TESSERA_DATA_DIR: seeded.dataDir });
    try {
      const api = await adminTokenClient(server.url);
      const field = (name: string) => seeded.fieldIds.get(name)!;
      const filter = { conjunction: 'and', conditions: [
        { field: field('城市'), operator: 'is', value: '上海' },
        { field: field('预估金额'), operator: '>=', value: 1_000_000 },
      ] };
      const sorts = [{ field: field('下次跟进日期'), direction: 'asc' }];
      const adHoc = `/tables/${seeded.tableId}/records?pageSize=100&filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sorts))}`;

      const [before] = await timeRequests(api, adHoc);
      report(bench, `${label}: 2 conditions + sort, first page before any index (records list)`, before!, '≤ 150');

      const t0 = performance.now();
      const view = await api.call<{ id: string }>('POST', `/tables/${seeded.tableId}/views`, { name: '上海大客户', filter, sorts });
      bench.report({ name: `${label}: saving the view (builds its indexes)`, value: round(performance.now() - t0, 0), unit: 'ms' });

      // Both endpoints sampled in turn, so a burst of load on the shared machine (or the
      // server settling after building the index) lands on both rather than on whichever ran first.
      const [grid, list] = await timeRequests(api, `/tables/${seeded.tableId}/rows?view=${view.body.id}&start=0&limit=100`, `/tables/${seeded.tableId}/records?view=${view.body.id}&pageSize=100`);
      bench.report({ name: `${label}: grid rows endpoint, first request after saving (counts the view's rows)`, value: round(grid!.cold, 1), unit: 'ms' });
      report(bench, `${label}: 2 conditions + sort, first page after saving (grid rows endpoint)`, grid!, '≤ 10');
      report(bench, `${label}: 2 conditions + sort, first page after saving (records list)`, list!, '≤ 10');
      bench.report({ name: `${label}: rows in the view`, value: (await api.call<{ total: number }>('GET', `/tables/${seeded.tableId}/rows?view=${view.body.id}&start=0&limit=1`)).body.total, unit: 'rows' });
      bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB' });
    } finally {
      await server.stop();
      fs.rmSync(seeded.dataDir, { recursive: true, force: true });
    }
  },
};

function report(bench: BenchContext, name: string, samples: { warm: number[] }, target: string): void {
  bench.report({ name: `${name}, p50`, value: round(percentile(samples.warm, 50), 1), unit: 'ms' });
  bench.report({ name: `${name}, p95`, value: round(percentile(samples.warm, 95), 1), unit: 'ms', target });
}

/** Per URL one cold request (caches empty), then RUNS timed ones, the URLs taking turns. */
async function timeRequests(api: BenchClient, ...urls: string[]): Promise<Array<{ cold: number; warm: number[] }>> {
  const time = async (url: string) => {
    const t0 = performance.now();
    await api.call('GET', url);
    return performance.now() - t0;
  };
  const samples: Array<{ cold: number; warm: number[] }> = [];
  for (const url of urls) samples.push({ cold: await time(url), warm: [] });
  for (let i = 0; i < RUNS; i++) for (const [n, url] of urls.entries()) samples[n]!.warm.push(await time(url));
  return samples;
}

/** The table written in-process through the write path (fast), then served by a child server. */
async function seedTable(total: number): Promise<{ dataDir: string; tableId: string; fieldIds: Map<string, string> }> {
  const bench = await openBenchDb('tessera-bench-views-');
  const { tableId, fieldIds } = await writeCustomerTable(bench, total);
  bench.ctx.db.close();
  return { dataDir: bench.dataDir, tableId, fieldIds };
}
