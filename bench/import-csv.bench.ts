import { round, type Bench } from './harness.ts';
import { benchServer, downloadExport, generateCustomersCsv, importThroughApi } from './support/import-bench.ts';

/**
 * A 1,000,000-row, 16-column customers CSV (gen-customers-csv.mjs) imported through the real
 * API into a new table on a server child process: upload, parse, infer, coerce, write path,
 * end to end. Targets: ≥ 100,000 rows/s, server peak RSS ≤ 600 MB. Then the same rows
 * exported as CSV (≥ 200,000 rows/s) — see export-csv.bench.ts for the export alone.
 */
export const importCsvBench: Bench = {
  name: 'import-csv',
  async run(bench) {
    const rows = bench.scale(1_000_000);
    const csv = generateCustomersCsv(rows);
    const { server, api, baseId } = await benchServer();
    try {
      const file = csv.file;
      const label = `${rows.toLocaleString('en')} rows × 16 columns`;
      const t0 = performance.now();
      const startedAt = Date.now();
      const job = await importThroughApi(api, baseId, file);
      const seconds = (performance.now() - t0) / 1000;
      if (job.created !== rows) throw new Error(`imported ${job.created} of ${rows} rows`);
      bench.report({ name: `${label}: CSV import end to end`, value: Math.round(rows / seconds), unit: 'rows/s', target: '≥ 100,000' });
      // Where the time went: the upload with its checks (until the job exists), then the job itself.
      const uploaded = Date.parse(job.createdAt) - startedAt;
      const running = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
      bench.report({ name: `${label}: CSV import, upload and checks`, value: round(uploaded / 1000, 1), unit: 's' });
      bench.report({ name: `${label}: CSV import, the job alone`, value: Math.round(rows / running), unit: 'rows/s' });
      bench.report({ name: `${label}: CSV import server peak RSS`, value: server.peakRssMb(), unit: 'MB', target: '≤ 600' });
      const e0 = performance.now();
      const bytes = await downloadExport(api, job.tables[0].id, 'format=csv');
      bench.report({ name: `${label}: CSV export of the imported table`, value: Math.round(rows / ((performance.now() - e0) / 1000)), unit: 'rows/s', target: '≥ 200,000' });
      bench.report({ name: `${label}: CSV export size`, value: round(bytes / 1024 / 1024, 1), unit: 'MB' });
    } finally {
      await server.stop();
      csv.remove();
    }
  },
};
