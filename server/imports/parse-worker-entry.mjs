// The parse worker's entry point. A worker thread does not always inherit the parent's
// TypeScript loader (test runners start it differently from `node --import tsx`), so the
// worker's TypeScript is loaded through tsx's scoped API, the same way in every setting.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
