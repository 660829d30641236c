import type BetterSqlite3 from 'better-sqlite3';
import type { FieldDef } from '../tables/index.ts';
import { cellNeedsWork, isCleanRun, runSelect, showsStoredText, textRuns, type TextRun } from './csv-runs.ts';
import { csvLines } from './csv-text.ts';
import { pageCursor, pageReader, quoteColumn, type ExportOrder, type PageReader } from './raw-pages.ts';

/** A field joins a run only if at most this share of the first page's cells needed escaping. */
const MOST_DIRTY_IN_SAMPLE = 0.01;
/** A page with more rows to read again than this share ends the runs for the rest of the export. */
const MOST_DIRTY_IN_PAGE = 0.1;

/**
 * The CSV lines of an export, page by page, in its order. The first page is read
 * column by column and formatted cell by cell; it is also the sample that decides which
 * adjacent text-like fields SQLite joins into one string per row for the rest (csv-runs.ts):
 * a field whose cells needed quoting or the formula guard there stays out. A joined row whose
 * text turns out to need escaping is read again and formatted cell by cell, so the bytes
 * never depend on the choice; if that happens to many rows of a page, the remaining pages
 * are read cell by cell.
 */
export function* csvPages(sqlite: BetterSqlite3.Database, sqlTable: string, fields: readonly FieldDef[], cells: ReadonlyArray<(raw: unknown) => string>, order: ExportOrder): Generator<string> {
  const plain = pageReader(sqlite, sqlTable, fields.map((field) => quoteColumn(field.column)));
  const cursor = pageCursor(order);
  const sample = cursor.next(plain);
  if (!sample) return;
  yield csvLines(sample, cells);
  const runs = textRuns(fields.map((field, i) => showsStoredText(field) && mostlyClean(sample, i + 1)));
  const joined = runs.length ? joinedPages(sqlite, sqlTable, fields, cells, runs) : undefined;
  let read = joined?.reader ?? plain;
  for (let rows = cursor.next(read); rows; rows = cursor.next(read)) {
    const text = read === plain ? csvLines(rows, cells) : joined!.text(rows, plain);
    if (text !== undefined) {
      yield text;
      continue;
    }
    // Too many rows of this page needed reading again: this page and the rest cell by cell.
    read = plain;
    yield csvLines(plain.byIds(rows.map((row) => row[0] as number)), cells);
  }
}

function mostlyClean(rows: readonly unknown[][], column: number): boolean {
  let dirty = 0;
  for (const row of rows) if (cellNeedsWork(row[column])) dirty++;
  return dirty <= rows.length * MOST_DIRTY_IN_SAMPLE;
}

/** Rows read with the runs joined, and their CSV text — undefined when too many of them need reading again. */
function joinedPages(sqlite: BetterSqlite3.Database, sqlTable: string, fields: readonly FieldDef[], cells: ReadonlyArray<(raw: unknown) => string>, runs: readonly TextRun[]) {
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
  const reader = pageReader(sqlite, sqlTable, selects);
  const text = (rows: unknown[][], plain: PageReader): string | undefined => {
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
    // The dirty rows again, column by column, in their places.
    const again = new Map(plain.byIds(dirty.map((at) => rows[at]![0] as number)).map((row) => [row[0] as number, row]));
    let lines = '';
    let from = 0;
    for (const at of dirty) {
      const row = again.get(rows[at]![0] as number);
      lines += csvLines(rows.slice(from, at), parts) + (row ? csvLines([row], cells) : '');
      from = at + 1;
    }
    return lines + csvLines(rows.slice(from), parts);
  };
  return { reader, text };
}

const asIs = (raw: unknown) => raw as string;
