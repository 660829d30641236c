// Compiles the server (and the import's parse worker) to plain JavaScript for `npm start`:
// one bundle each, packages left to node_modules. Running TypeScript through a loader at
// run time costs ~120 MB of memory in the server and again in every worker thread, plus
// transpiling at each start (decision 0004).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
// `node scripts/build-server.mjs [outdir]`: by default beside the UI bundle.
const outdir = path.resolve(process.argv[2] ?? path.join(root, process.env.TESSERA_BUILD_DIR ?? 'build', 'tessera'));

await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/main.ts', 'parse-worker': 'server/imports/parse-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // The code asks this to know it runs from the bundle (see server/runtime.ts).
  define: { __TESSERA_BUNDLE__: 'true' },
  logLevel: 'warning',
});
// Threads started from plain JavaScript files are copied beside the bundle as they are.
fs.copyFileSync(path.join(root, 'server/db/checkpoint-worker.mjs'), path.join(outdir, 'checkpoint-worker.mjs'));
console.log(`server compiled into ${path.relative(root, outdir)}/`);
