import type BetterSqlite3 from 'better-sqlite3';

// Reading an export's rows page by page: nothing here needs more than a connection.

/** Rows per read: one prepared statement of this many ids, reused for the whole export. */
export const PAGE = 1000;

/**
 * Which records an export reads, in its order: a list of ids taken at the start, or every
 * record up to the table's last id then, in id order. Ids only grow (AUTOINCREMENT), so the
 * second is the same records without reading every id first (a scan of the whole table).
 */
export type ExportOrder = { readonly ids: readonly number[] } | { readonly lastId: number };

/** Reads rows `[id, ...selects]`, `selects` being SQL expressions over the table's columns. */
export interface PageReader {
  /** The rows of these ids (at most PAGE) in their order, the missing left out. */
  byIds(ids: readonly number[]): unknown[][];
  /** Up to PAGE rows with ids above `after`, up to `lastId`, in id order. */
  after(after: number, lastId: number): unknown[][];
}

/**
 * A page of ids that is an ascending run with few holes (a view without sorts) is read as
 * one id range, which SQLite walks in primary-key order; other pages go by `id IN (…)`.
 */
export function pageReader(sqlite: BetterSqlite3.Database, sqlTable: string, selects: readonly string[]): PageReader {
  const select = `SELECT id, ${selects.join(', ')} FROM "${sqlTable}"`;
  const byList = (size: number) => sqlite.prepare(`${select} WHERE id IN (${new Array(size).fill('?').join(', ')})`).raw(true);
  let full: BetterSqlite3.Statement | undefined;
  const byRange = sqlite.prepare(`${select} WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true);
  const next = sqlite.prepare(`${select} WHERE id > ? AND id <= ? ORDER BY id LIMIT ${PAGE}`).raw(true);
  return {
    byIds(ids) {
      if (!ids.length) return [];
      const low = ids[0]!;
      const high = ids[ids.length - 1]!;
      if (ascending(ids) && high - low < 2 * ids.length) return inRange(byRange.all(low, high) as unknown[][], ids);
      const statement = ids.length === PAGE ? (full ??= byList(PAGE)) : byList(ids.length);
      const byId = new Map((statement.all(...ids) as unknown[][]).map((row) => [row[0] as number, row]));
      const page: unknown[][] = [];
      for (const id of ids) {
        const row = byId.get(id);
        if (row) page.push(row);
      }
      return page;
    },
    after: (after, lastId) => next.all(after, lastId) as unknown[][],
  };
}

/** Hands out an export's pages one at a time, each read by whichever reader the caller passes. */
export interface PageCursor {
  /** The next page's rows, or undefined past the last page (a page may be empty: its records were deleted). */
  next(read: PageReader): unknown[][] | undefined;
}

export function pageCursor(order: ExportOrder): PageCursor {
  if ('ids' in order) {
    const { ids } = order;
    let start = 0;
    return {
      next(read) {
        if (start >= ids.length) return undefined;
        const rows = read.byIds(ids.slice(start, start + PAGE));
        start += PAGE;
        return rows;
      },
    };
  }
  const { lastId } = order;
  let after = 0; // ids start at 1
  let done = false;
  return {
    next(read) {
      if (done) return undefined;
      const rows = read.after(after, lastId);
      if (rows.length < PAGE) done = true;
      if (!rows.length) return undefined;
      after = rows[rows.length - 1]![0] as number;
      return rows;
    },
  };
}

/** `exportRawPages` over a connection: the columns as they are, page by page in the export's order. */
export function* readRawPages(sqlite: BetterSqlite3.Database, sqlTable: string, columns: readonly string[], order: ExportOrder): Generator<unknown[][]> {
  const read = pageReader(sqlite, sqlTable, columns.map(quoteColumn));
  const cursor = pageCursor(order);
  for (let rows = cursor.next(read); rows; rows = cursor.next(read)) yield rows;
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
