// The export worker's entry point: its TypeScript is loaded through tsx's scoped API, the same
// way whether the server runs under `node --import tsx` or a test runner (see the import's
// parse-worker-entry.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./export-worker.ts', import.meta.url);
