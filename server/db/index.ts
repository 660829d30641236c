export { Database, openDatabase, type OpenOptions } from './database.ts';
export { startCheckpoints } from './checkpointer.ts';
export { newId, requireSafeId, ID_PREFIXES, type IdKind } from './ids.ts';
export type * from './schema.ts';
