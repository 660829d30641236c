import { cellText } from './cell-input.ts';
import { columnLetter } from './import-error.ts';
import { isContinuation, isOwnCell, NO_MERGES, type MergeLookup } from './merged-cells.ts';
import { isEmptyCell, type SourceRow } from './source.ts';

/** A header is at most this many rows: group labels above the names (两级表头), rarely three. */
const MAX_HEADER_ROWS = 3;

/**
 * The header is the first row that looks like one: at least 60% as many filled cells as the
 * widest row near the top, all of them text, none repeated. Merged cells (an .xlsx's) are
 * known, not guessed: a row that is one merged cell (a title such as "2025年客户联系人表"
 * across the table) is never the header, a header cell merged across columns counts once,
 * and a header of two or three rows — group labels merged across the names below them,
 * names merged down over both rows — is found as a whole: the index returned is its
 * lowest row (the data start below it), and `headerBand` gives its rows.
 * Returns the index in `rows`; when nothing qualifies, the first row that is not a title.
 */
export function detectHeaderRow(rows: readonly SourceRow[], merges: MergeLookup = NO_MERGES): number {
  const widest = Math.max(0, ...rows.map((row) => cellCount(row, merges)));
  const least = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest * 0.6));
  const qualifies = (i: number) => looksLikeHeader(headerBand(rows, i, merges), least, merges);
  let index = rows.findIndex((_, i) => qualifies(i));
  if (index < 0) return Math.max(0, rows.findIndex((row) => !isTitle(row, merges)));
  while (index + 1 < rows.length && headerBand(rows, index + 1, merges).includes(rows[index]!) && qualifies(index + 1)) index++;
  return index;
}

/**
 * The rows of the header whose lowest row is `rows[index]`: itself, and the rows right above
 * that belong to it — a row with a cell merged down into the row below, or a row of group
 * labels, each merged across several columns (a title across the whole table is not one).
 */
export function headerBand(rows: readonly SourceRow[], index: number, merges: MergeLookup = NO_MERGES): SourceRow[] {
  const bottom = rows[index];
  if (!bottom) return [];
  const band = [bottom];
  for (let i = index - 1; i >= 0 && band.length < MAX_HEADER_ROWS; i--) {
    const upper = rows[i]!;
    const lower = band[0]!;
    if (upper.row !== lower.row - 1 || !joinsHeader(upper, lower, merges)) break;
    band.unshift(upper);
  }
  return band;
}

const MAX_NAME = 100;

/**
 * Field names for the columns at `indexes`, from the header's rows: a column's texts from the
 * top row down, each once (a name merged down over two rows is one name), joined by a
 * space — "联系方式 电话" under a group label. Trimmed, one line, at most 100 characters; a
 * column without header text is "Column C" (its letter) and a repeated name gets " (2)", as
 * names must be unique.
 */
export function columnNames(band: readonly SourceRow[], indexes: readonly number[]): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (const index of indexes) {
    let name = headerText(band, index).replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || `Column ${columnLetter(index)}`;
    const base = name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_NAME - 5)} (${n})`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Columns the header names: up to its last cell that is not the continuation of a merged one. */
export function headerWidth(band: readonly SourceRow[], merges: MergeLookup = NO_MERGES): number {
  let width = 0;
  for (const row of band) {
    for (let c = row.cells.length - 1; c >= width; c--) {
      if (!isEmptyCell(row.cells[c] ?? null) && !isContinuation(merges, row.row, c)) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

/** Columns a data row fills itself: copies of a merged range's value do not widen a table. */
export function ownWidth(row: SourceRow, merges: MergeLookup = NO_MERGES): number {
  for (let c = row.cells.length - 1; c >= 0; c--) {
    if (hasOwnValue(row, c, merges)) return c + 1;
  }
  return 0;
}

export function hasOwnValue(row: SourceRow, column: number, merges: MergeLookup = NO_MERGES): boolean {
  return !isEmptyCell(row.cells[column] ?? null) && isOwnCell(merges, row.row, column);
}

function headerText(band: readonly SourceRow[], column: number): string {
  const parts: string[] = [];
  for (const row of band) {
    const text = cellText(row.cells[column] ?? null).trim();
    if (text && parts[parts.length - 1] !== text) parts.push(text);
  }
  return parts.join(' ');
}

/** Filled cells, a merged cell counted once. */
function cellCount(row: SourceRow, merges: MergeLookup): number {
  let count = 0;
  for (let c = 0; c < row.cells.length; c++) if (!isEmptyCell(row.cells[c] ?? null) && !isContinuation(merges, row.row, c)) count++;
  return count;
}

function looksLikeHeader(band: readonly SourceRow[], least: number, merges: MergeLookup): boolean {
  const bottom = band[band.length - 1];
  if (!bottom || isTitle(bottom, merges)) return false;
  const width = Math.max(...band.map((row) => row.cells.length));
  const names = new Set<string>();
  for (let c = 0; c < width; c++) {
    const cells = band.map((row) => row.cells[c] ?? null).filter((cell) => !isEmptyCell(cell));
    if (cells.some((cell) => typeof cell !== 'string')) return false;
    if (!cells.length || isContinuation(merges, bottom.row, c)) continue;
    const name = headerText(band, c);
    if (names.has(name)) return false;
    names.add(name);
  }
  return names.size >= least;
}

/** A row whose one value is a merged cell across columns: a title or a note, not a header. */
function isTitle(row: SourceRow, merges: MergeLookup): boolean {
  const filled = row.cells.flatMap((cell, c) => (isEmptyCell(cell) ? [] : [c]));
  const range = filled.length ? merges.rangeAt(row.row, filled[0]!) : undefined;
  return range !== undefined && range.right > range.left && filled.every((c) => merges.rangeAt(row.row, c) === range);
}

function joinsHeader(upper: SourceRow, lower: SourceRow, merges: MergeLookup): boolean {
  const lowerFilled = lower.cells.flatMap((cell, c) => (isEmptyCell(cell) ? [] : [c]));
  // A header cell merged down over both rows (姓名 in A1:A2).
  if (lowerFilled.some((c) => (merges.rangeAt(lower.row, c)?.top ?? lower.row) <= upper.row)) return true;
  // A row of group labels, each merged across the names below it (联系方式 over 电话 and 邮箱).
  const upperFilled = upper.cells.flatMap((cell, c) => (isEmptyCell(cell) ? [] : [c]));
  if (!upperFilled.length) return false;
  const first = merges.rangeAt(upper.row, upperFilled[0]!);
  const oneCell = first !== undefined && upperFilled.every((c) => merges.rangeAt(upper.row, c) === first);
  // One merged cell over every column of the row below is the table's title.
  if (oneCell && lowerFilled.every((c) => c >= first.left && c <= first.right)) return false;
  return upperFilled.every((c) => {
    const range = merges.rangeAt(upper.row, c);
    return typeof upper.cells[c] === 'string' && range !== undefined && range.right > range.left && lowerFilled.includes(c);
  });
}
