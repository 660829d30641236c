export { compileFilter, emptySql } from './compile-filter.ts';
export { compileOrderBy } from './compile-sort.ts';
export {
  queryRecords, countRecords, MAX_PAGE_SIZE, SYSTEM_ROW_COLUMNS,
  type RecordQuery, type RecordPage, type RecordRow,
} from './record-query.ts';
export { encodeCursor, decodeCursor, type CursorOptions } from './cursor.ts';
export {
  ensureFieldIndex, dropFieldIndexes, listTableIndexes, fieldIndexName, indexesForQuery,
  type TableIndex, type EnsureIndexOptions,
} from './indexes.ts';
export { requireResolvedFilter, requireResolvedSorts, validateFilter } from './validate-filter.ts';
export { userTableName, fieldColumnName } from './columns.ts';
