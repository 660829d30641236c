/**
 * How range tools map grid rows to records in a grouped view, where some rows are group
 * headers (decision 0048). Pure: positions in, positions out, so the rules are tested
 * without a browser. A position at or past `rowCount` is a row still to be created.
 */

/** Row positions from `first` to `last` inclusive, in that order (downwards or upwards). */
export function positionsBetween(first: number, last: number): number[] {
  const step = last >= first ? 1 : -1;
  return Array.from({ length: Math.abs(last - first) + 1 }, (_, i) => first + i * step);
}

/** The positions that hold records (or rows to create): header positions left out, order kept. */
export function recordPositions(positions: readonly number[], isHeader: (position: number) => boolean): number[] {
  return positions.filter((position) => !isHeader(position));
}

/**
 * The records among `rows` (a grouped view's rows from some position down, headers
 * included), at most `count`, in order: where pasted lines land, running on past headers
 * into the following groups.
 */
export function takeRecords<T>(rows: readonly T[], count: number, isHeader: (row: T) => boolean): T[] {
  const records: T[] = [];
  for (const row of rows) {
    if (records.length >= count) break;
    if (!isHeader(row)) records.push(row);
  }
  return records;
}

/** What the grid knows of the row at a position: a header, a record, or nothing loaded. */
export type RowKind = 'header' | 'record' | undefined;

/**
 * A record row's number in a grouped view: its place under its group's header (1 for the
 * first record). Undefined when the rows between it and the header are not all loaded:
 * no number is better than a wrong one.
 */
export function numberInGroup(index: number, kindAt: (position: number) => RowKind): number | undefined {
  for (let position = index - 1; position >= 0; position--) {
    const kind = kindAt(position);
    if (kind === 'header') return index - position;
    if (kind === undefined) return undefined;
  }
  // No header above: an ungrouped list (or rows before the first header), numbered from the top.
  return index + 1;
}
