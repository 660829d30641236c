import { round, type Bench } from './harness.ts';
import { benchServer, downloadExport, generateCustomersCsv, importThroughApi } from './support/import-bench.ts';

/**
 * Export of a 1,000,000-row, 16-column table through the real API on a server child process:
 * CSV (UTF-8 and GBK), target ≥ 200,000 rows/s, and .xlsx (no target; typed cells, deflated).
 * The table is filled by an import of the generated CSV first.
 */
export const exportCsvBench: Bench = {
  name: 'export-csv',
  async run(bench) {
    const rows = bench.scale(1_000_000);
    const csv = generateCustomersCsv(rows);
    const { server, api, baseId } = await benchServer();
    try {
      const job = await importThroughApi(api, baseId, csv.file);
      const tableId = job.tables[0].id as string;
      const label = `${rows.toLocaleString('en')} rows × 16 columns`;
      for (const [name, query, target] of [
        ['CSV UTF-8', 'format=csv', '≥ 200,000'],
        ['CSV GBK', 'format=csv&encoding=gbk', '≥ 200,000'],
        ['.xlsx', 'format=xlsx', undefined],
      ] as const) {
        const t0 = performance.now();
        const bytes = await downloadExport(api, tableId, query);
        const seconds = (performance.now() - t0) / 1000;
        bench.report({ name: `${label}: ${name} export`, value: Math.round(rows / seconds), unit: 'rows/s', ...(target ? { target } : {}) });
        bench.report({ name: `${label}: ${name} export size`, value: round(bytes / 1024 / 1024, 1), unit: 'MB' });
      }
      bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB', target: '≤ 600' });
    } finally {
      await server.stop();
      csv.remove();
    }
  },
};
