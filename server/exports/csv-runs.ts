import type { FieldDef } from '../tables/index.ts';
import { FORMULA_TRIGGERS } from './neutralize.ts';
import { quoteColumn } from './raw-pages.ts';

// Runs of adjacent columns whose CSV cells SQLite writes as one string. better-sqlite3 makes
// one JS string per row for a run instead of one per cell, and no formatter runs for it.

/** Exported fields at positions first … first + count - 1, read as one joined string. */
export interface TextRun {
  first: number;
  count: number;
}

type RunField = Pick<FieldDef, 'fieldType' | 'column'>;

/**
 * Whether a field's cells may be written by SQLite: its type declares that it shows what it
 * stores, and stores it in a TEXT column (whose affinity turns any number written there into
 * text, so the column holds only text and NULL).
 */
export function showsStoredText(field: RunField): boolean {
  const { fieldType } = field;
  return fieldType.showsStoredText === true && fieldType.storage.kind === 'column' && fieldType.storage.sqlType === 'TEXT';
}

/** Runs of at least two adjacent fields allowed in one (a lone field gains nothing). */
export function textRuns(allowed: readonly boolean[]): TextRun[] {
  const runs: TextRun[] = [];
  for (let at = 0; at < allowed.length; ) {
    if (!allowed[at]) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < allowed.length && allowed[end]) end++;
    if (end - at >= 2) runs.push({ first: at, count: end - at });
    at = end;
  }
  return runs;
}

/** The run's cells joined by commas, NULL as '' (as `format` shows it); nothing escaped: see isCleanRun. */
export function runSelect(fields: readonly RunField[], run: TextRun): string {
  const columns = fields.slice(run.first, run.first + run.count).map((field) => quoteColumn(field.column));
  return `concat(${columns.join(", ',', ")})`;
}

const QUOTE_OR_BREAK = /["\r\n]/;
const TRIGGER_CODES = new Uint8Array(128);
for (const char of FORMULA_TRIGGERS) TRIGGER_CODES[char.charCodeAt(0)] = 1;

/**
 * Whether a run's joined text is already its CSV: no cell needs quoting (no quote or line
 * break anywhere, and exactly `cells - 1` commas, so none inside a cell) and none starts a
 * formula. Escaping in SQL (CASE, instr, replace per cell) cost SQLite more than it saved;
 * this check is one regex and a comma walk per row. A row that fails it is read again and
 * formatted cell by cell.
 */
export function isCleanRun(text: string, cells: number): boolean {
  if (QUOTE_OR_BREAK.test(text)) return false;
  let start = 0;
  for (let cell = 1; ; cell++) {
    if (TRIGGER_CODES[text.charCodeAt(start)] === 1) return false; // past the end: NaN, undefined
    const comma = text.indexOf(',', start);
    if (comma < 0) return cell === cells;
    if (cell === cells) return false;
    start = comma + 1;
  }
}

const NEEDS_WORK = /[",\r\n]|^[=+\-@\t\r]/;

/** Whether a stored cell would need quoting or the formula guard (a non-text value counts as needing work). */
export function cellNeedsWork(raw: unknown): boolean {
  if (raw === null) return false;
  return typeof raw !== 'string' || NEEDS_WORK.test(raw);
}
