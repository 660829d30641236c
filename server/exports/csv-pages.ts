import type BetterSqlite3 from 'better-sqlite3';
import type { FieldDef } from '../tables/index.ts';
import { cellNeedsWork, isCleanRun, runSelect, showsStoredText, textRuns, type TextRun } from './csv-runs.ts';
import { csvLines } from './csv-text.ts';
import { PAGE, pageReader, quoteColumn, type PageReader } from './raw-pages.ts';

/** A field joins a run only if at most this share of the first page's cells needed escaping. */
const MOST_DIRTY_IN_SAMPLE = 0.01;
/** A page with more rows to read again than this share ends the runs for the rest of the export. */
const MOST_DIRTY_IN_PAGE = 0.1;

/**
 * The CSV lines of an export, page by page, in the order of `ids`. The first page is read
 * column by column and formatted cell by cell; it is also the sample that decides which
 * adjacent text-like fields SQLite joins into one string per row for the rest (csv-runs.ts):
 * a field whose cells needed quoting or the formula guard there stays out. A joined row whose
 * text turns out to need escaping is read again and formatted cell by cell, so the bytes
 * never depend on the choice; if that happens to many rows of a page, the remaining pages
 * are read cell by cell.
 */
export function* csvPages(sqlite: BetterSqlite3.Database, sqlTable: string, fields: readonly FieldDef[], cells: ReadonlyArray<(raw: unknown) => string>, ids: readonly number[]): Generator<string> {
  const plain = pageReader(sqlite, sqlTable, fields.map((field) => quoteColumn(field.column)));
  const sample = plain(ids.slice(0, PAGE));
  yield csvLines(sample, cells);
  const runs = textRuns(fields.map((field, i) => showsStoredText(field) && mostlyClean(sample, i + 1)));
  let joined = runs.length ? joinedReader(sqlite, sqlTable, fields, cells, runs) : undefined;
  for (let start = PAGE; start < ids.length; start += PAGE) {
    const pageIds = ids.slice(start, start + PAGE);
    const text = joined?.(pageIds, plain);
    if (text !== undefined) {
      yield text;
      continue;
    }
    joined = undefined;
    yield csvLines(plain(pageIds), cells);
  }
}

function mostlyClean(rows: readonly unknown[][], column: number): boolean {
  let dirty = 0;
  for (const row of rows) if (cellNeedsWork(row[column])) dirty++;
  return dirty <= rows.length * MOST_DIRTY_IN_SAMPLE;
}

/** Pages read with the runs joined: the page's CSV text, or undefined when too many rows needed reading again. */
function joinedReader(sqlite: BetterSqlite3.Database, sqlTable: string, fields: readonly FieldDef[], cells: ReadonlyArray<(raw: unknown) => string>, runs: readonly TextRun[]) {
  // Each row is [id, ...parts]: a run's joined text, or a field outside runs as stored.
  const selects: string[] = [];
  const parts: Array<(raw: unknown) => string> = [];
  const runParts: Array<{ part: number; count: number }> = [];
  let next = 0;
  for (const run of [...runs, { first: fields.length, count: 0 }]) {
    for (; next < run.first; next++) {
      selects.push(quoteColumn(fields[next]!.column));
      parts.push(cells[next]!);
    }
    if (!run.count) break;
    runParts.push({ part: parts.length + 1, count: run.count });
    selects.push(runSelect(fields, run));
    parts.push(asIs);
    next = run.first + run.count;
  }
  const read = pageReader(sqlite, sqlTable, selects);
  return (pageIds: readonly number[], plain: PageReader): string | undefined => {
    const rows = read(pageIds);
    const dirty: number[] = [];
    for (let at = 0; at < rows.length; at++) {
      const row = rows[at]!;
      for (const { part, count } of runParts) {
        if (!isCleanRun(row[part] as string, count)) {
          dirty.push(at);
          break;
        }
      }
    }
    if (!dirty.length) return csvLines(rows, parts);
    if (dirty.length > rows.length * MOST_DIRTY_IN_PAGE) return undefined;
    // The dirty rows again, column by column, in their order.
    const again = new Map(plain(dirty.map((at) => rows[at]![0] as number)).map((row) => [row[0] as number, row]));
    let text = '';
    let from = 0;
    for (const at of dirty) {
      const row = again.get(rows[at]![0] as number);
      text += csvLines(rows.slice(from, at), parts) + (row ? csvLines([row], cells) : '');
      from = at + 1;
    }
    return text + csvLines(rows.slice(from), parts);
  };
}

const asIs = (raw: unknown) => raw as string;
