// The grid's search box: a substring of a view's visible text, served by a lazily built
// FTS5 trigram index per searched table (decision 0061).
export { searchCondition, foldAscii, MAX_SEARCH_LENGTH, type SearchPlan } from './search-sql.ts';
export { searchIndexesOf, searchTableName, SearchIndexes } from './search-index.ts';
export { isSearchable, searchableFields } from './searchable.ts';
