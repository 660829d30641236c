import fs from 'node:fs';
import os from 'node:os';
import { round, type Bench } from './harness.ts';
import { benchServer, downloadExport, generateCustomersCsv, importThroughApi } from './support/import-bench.ts';

/**
 * Export of a 1,000,000-row, 16-column table through the real API on a server child process:
 * CSV (UTF-8 and GBK), target ≥ 200,000 rows/s, and .xlsx (no target; typed cells, deflated).
 * The table is filled by an import of the generated CSV first.
 * Besides wall-clock rows/s, each export reports rows per second of the server's own CPU
 * time and the load average around it: on a shared machine the wall clock mostly measures
 * the others, the CPU time much less so.
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
        const cpu0 = cpuSeconds(server.pid);
        const t0 = performance.now();
        const bytes = await downloadExport(api, tableId, query);
        const seconds = (performance.now() - t0) / 1000;
        const cpu = cpuSeconds(server.pid) - cpu0;
        bench.report({ name: `${label}: ${name} export`, value: Math.round(rows / seconds), unit: 'rows/s', ...(target ? { target } : {}) });
        bench.report({ name: `${label}: ${name} export, per second of server CPU`, value: Math.round(rows / cpu), unit: 'rows/s' });
        bench.report({ name: `${label}: ${name} export, load average after`, value: round(os.loadavg()[0]!, 2), unit: '' });
        bench.report({ name: `${label}: ${name} export size`, value: round(bytes / 1024 / 1024, 1), unit: 'MB' });
      }
      bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB', target: '≤ 600' });
    } finally {
      await server.stop();
      csv.remove();
    }
  },
};

/** User + system CPU time of a process so far, from /proc (Linux), in seconds. */
function cpuSeconds(pid: number): number {
  // After the command name: utime and stime are the 12th and 13th fields (man 5 proc), in
  // clock ticks of 1/100 s (USER_HZ is 100 on every Linux Node supports).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
