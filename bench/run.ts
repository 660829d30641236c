import { collabPropagationBench } from './collab-propagation.bench.ts';
import { exportCsvBench } from './export-csv.bench.ts';
import { gridOpenBench } from './grid-open.bench.ts';
import { runBenches, type Bench } from './harness.ts';
import { importCsvBench } from './import-csv.bench.ts';
import { kanbanPaintBench } from './kanban-paint.bench.ts';
import { pasteRowsBench } from './paste-rows.bench.ts';
import { restRecordsBench } from './rest-records.bench.ts';
import { sqliteSynchronousBench } from './sqlite-synchronous.bench.ts';
import { viewsQueryBench } from './views-query.bench.ts';
import { viewsGroupBench } from './views-group.bench.ts';
import { viewsSearchBench } from './views-search.bench.ts';
import { writePathBulkBench } from './write-path-bulk.bench.ts';

// `npm run bench` runs them all; `npm run bench -- name …` runs the named ones;
// BENCH_SCALE=small shrinks every run a hundredfold for a quick check.
const all: Bench[] = [
  sqliteSynchronousBench, writePathBulkBench, restRecordsBench,
  collabPropagationBench, gridOpenBench, kanbanPaintBench,
  importCsvBench, exportCsvBench,
  pasteRowsBench,
  viewsQueryBench,
  viewsGroupBench, viewsSearchBench,
];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.some((bench) => bench.name === name));
if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
const chosen = wanted.length ? all.filter((bench) => wanted.includes(bench.name)) : all;
await runBenches(chosen);
