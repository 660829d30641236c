import fs from 'node:fs';
import path from 'node:path';

// Where the server runs from: its TypeScript sources (tests, `npm run dev`, benches of
// single modules) or the bundle `npm start` compiles (scripts/build-server.mjs), which
// defines __TESSERA_BUNDLE__.
declare const __TESSERA_BUNDLE__: boolean | undefined;

export const RUNS_FROM_BUNDLE = typeof __TESSERA_BUNDLE__ !== 'undefined' && __TESSERA_BUNDLE__;

/** The project's folder (the one with Tessera's package.json), wherever this module was compiled to. */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tessera') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Tessera package.json above ${from}`);
  }
}
