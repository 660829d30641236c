import { writePathBulkBench } from './write-path-bulk.bench.ts';
await writePathBulkBench.run({ report: (f) => console.log(f.name, f.value), scale: (n) => Math.min(n, 30000) });
