export { writeRecords, MAX_BATCH } from './write-path.ts';
export { createCoercedRecords, type CoercedCreates } from './create-coerced.ts';
export { findHistory, type HistoryRow } from './history.repository.ts';
export { toStoredRecord, columnFields, type RawRow } from './record-rows.ts';
export { findRow, findRows } from './records.repository.ts';
export type * from './types.ts';
export { rewriteFieldValues, type FieldRewrite } from './rewrite-field.ts';
