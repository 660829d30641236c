export { compileFilter, emptySql } from './compile-filter.ts';
export { compileOrderBy } from './compile-sort.ts';
export {
  queryRecords, countRecords, explainRecordQuery, MAX_PAGE_SIZE, SYSTEM_ROW_COLUMNS,
  type RecordQuery, type RecordPage, type RecordRow,
} from './record-query.ts';
export { encodeCursor, decodeCursor, type CursorOptions } from './cursor.ts';
export {
  ensureFieldIndex, dropFieldIndexes, listTableIndexes, fieldIndexName, indexesForQuery,
  ensureIndex, indexName, describeIndex, syncTableIndexes,
  type TableIndex, type EnsureIndexOptions, type IndexSpec, type IndexColumn,
} from './indexes.ts';
export { syncViewIndexes, wantedViewIndexes } from './view-indexes.ts';
export { requireResolvedFilter, requireResolvedSorts, validateFilter } from './validate-filter.ts';
export { userTableName, fieldColumnName } from './columns.ts';
