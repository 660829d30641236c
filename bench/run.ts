import { runBenches, type Bench } from './harness.ts';
import { restRecordsBench } from './rest-records.bench.ts';
import { sqliteSynchronousBench } from './sqlite-synchronous.bench.ts';
import { writePathBulkBench } from './write-path-bulk.bench.ts';

// `npm run bench` runs them all; `npm run bench -- name …` runs the named ones.
const all: Bench[] = [sqliteSynchronousBench, writePathBulkBench, restRecordsBench];
const wanted = process.argv.slice(2);
const chosen = wanted.length ? all.filter((bench) => wanted.includes(bench.name)) : all;
await runBenches(chosen);
