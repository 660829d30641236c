import type BetterSqlite3 from 'better-sqlite3';

// Reading an export's rows by id: nothing here needs more than a connection.

/** Rows per read: one prepared statement of this many ids, reused for the whole export. */
export const PAGE = 1000;

/** One page of ids (at most PAGE, in export order) → their rows `[id, ...selected]` in that order, the missing left out. */
export type PageReader = (pageIds: readonly number[]) => unknown[][];

/**
 * Reads pages of rows `[id, ...selects]`, `selects` being SQL expressions over the table's
 * columns. A page of ids that is an ascending run with few holes (a whole table, a view
 * without sorts) is read as one id range, which SQLite walks in primary-key order; other
 * pages go by `id IN (…)`.
 */
export function pageReader(sqlite: BetterSqlite3.Database, sqlTable: string, selects: readonly string[]): PageReader {
  const select = `SELECT id, ${selects.join(', ')} FROM "${sqlTable}"`;
  const byList = (size: number) => sqlite.prepare(`${select} WHERE id IN (${new Array(size).fill('?').join(', ')})`).raw(true);
  let full: BetterSqlite3.Statement | undefined;
  const byRange = sqlite.prepare(`${select} WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true);
  return (pageIds) => {
    if (!pageIds.length) return [];
    const low = pageIds[0]!;
    const high = pageIds[pageIds.length - 1]!;
    if (ascending(pageIds) && high - low < 2 * pageIds.length) return inRange(byRange.all(low, high) as unknown[][], pageIds);
    const statement = pageIds.length === PAGE ? (full ??= byList(PAGE)) : byList(pageIds.length);
    const byId = new Map((statement.all(...pageIds) as unknown[][]).map((row) => [row[0] as number, row]));
    const page: unknown[][] = [];
    for (const id of pageIds) {
      const row = byId.get(id);
      if (row) page.push(row);
    }
    return page;
  };
}

/** `exportRawPages` over a connection: the columns as they are, pages of PAGE ids in the order of `ids`. */
export function* readRawPages(sqlite: BetterSqlite3.Database, sqlTable: string, columns: readonly string[], ids: readonly number[]): Generator<unknown[][]> {
  const read = pageReader(sqlite, sqlTable, columns.map(quoteColumn));
  for (let start = 0; start < ids.length; start += PAGE) yield read(ids.slice(start, start + PAGE));
}

export function quoteColumn(column: string): string {
  return `"${column}"`;
}

function ascending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/** Rows of an id range (ascending) that are also in `ids` (ascending): a merge, no map. */
function inRange(rows: unknown[][], ids: readonly number[]): unknown[][] {
  if (ids[ids.length - 1]! - ids[0]! + 1 === ids.length) return rows; // the page is the whole range
  const page: unknown[][] = [];
  let at = 0;
  for (const row of rows) {
    const id = row[0] as number;
    while (at < ids.length && ids[at]! < id) at++;
    if (at < ids.length && ids[at] === id) page.push(row);
  }
  return page;
}
