import { percentile, round, type Bench, type BenchContext } from './harness.ts';
import { BENCH_ADMIN, createCustomersViaRest, prepareCustomerTable, type BenchClient } from './support/rest-client.ts';
import { startServerProcess } from './support/server-process.ts';

const SAMPLES = 200;

/**
 * The REST API against a server in its own process, at 100k and 1M customers: bulk create in
 * batches of 1,000, filter + sort + page of 100 (before and after the sorted field has an
 * index), and single-record updates.
 */
export const restRecordsBench: Bench = {
  name: 'rest-records',
  async run(bench) {
    for (const total of [bench.scale(100_000), bench.scale(1_000_000)]) {
      const server = await startServerProcess(BENCH_ADMIN);
      try {
        const { api, tableId } = await prepareCustomerTable(server.url);
        const label = `${total.toLocaleString('en')} rows`;
        const rate = await createCustomersViaRest(api, tableId, total);
        bench.report({ name: `${label}: create through REST, batches of 1,000`, value: rate, unit: 'rows/s', target: '≥ 30,000' });
        await measureQuery(bench, api, tableId, `${label}: filter + sort + page of 100, no index`, total >= 1_000_000 ? '≤ 150 ms' : '≤ 10 ms');
        // Saving a view that sorts and filters by the fields makes the server index them.
        await api.call('POST', `/tables/${tableId}/views`, { name: 'Hot deals', type: 'grid', filter: FILTER, sorts: SORT });
        await measureQuery(bench, api, tableId, `${label}: filter + sort + page of 100, indexed`, '≤ 10 ms');
        await measureUpdates(bench, api, tableId, label);
        bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB' });
      } finally {
        await server.stop();
      }
    }
  },
};

const FILTER = {
  conjunction: 'and',
  conditions: [
    { field: '商机阶段', operator: 'isAnyOf', value: ['方案报价', '商务谈判'] },
    { field: '预估金额', operator: '>=', value: 100_000 },
  ],
};
const SORT = [{ field: '预估金额', direction: 'desc' }];

async function measureQuery(bench: BenchContext, api: BenchClient, tableId: string, name: string, target: string): Promise<void> {
  const query = `/tables/${tableId}/records?pageSize=100&filter=${encodeURIComponent(JSON.stringify(FILTER))}&sort=${encodeURIComponent(JSON.stringify(SORT))}`;
  await api.call('GET', query);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES / 4; i++) {
    const t0 = performance.now();
    const res = await api.call<{ records: unknown[] }>('GET', query);
    samples.push(performance.now() - t0);
    if (res.body.records.length !== 100) throw new Error(`expected a full page, got ${res.body.records.length}`);
  }
  bench.report({ name: `${name} p50`, value: round(percentile(samples, 50)), unit: 'ms' });
  bench.report({ name: `${name} p95`, value: round(percentile(samples, 95)), unit: 'ms', target });
}

async function measureUpdates(bench: BenchContext, api: BenchClient, tableId: string, label: string): Promise<void> {
  const page = await api.call<{ records: Array<{ id: string }> }>('GET', `/tables/${tableId}/records?pageSize=100`);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const record = page.body.records[i % page.body.records.length]!;
    const t0 = performance.now();
    await api.call('PATCH', `/tables/${tableId}/records/${record.id}`, { fields: { 预估金额: 1000 + i } });
    samples.push(performance.now() - t0);
  }
  bench.report({ name: `${label}: single-record update p50`, value: round(percentile(samples, 50)), unit: 'ms' });
  bench.report({ name: `${label}: single-record update p95`, value: round(percentile(samples, 95)), unit: 'ms', target: '≤ 5 ms' });
}
