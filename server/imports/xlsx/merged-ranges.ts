import { IMPORT_LIMITS } from '../limits.ts';
import type { MergedRange, MergeLookup } from '../merged-cells.ts';
import type { SourceCell, SourceRow } from '../source.ts';

/**
 * A sheet's merged ranges, packed four numbers a range (top, bottom, left, right) and sorted
 * by top row, so that a million of them take 16 MB and the rows can be filled in one pass.
 */
export class MergedRanges {
  private constructor(private readonly packed: Int32Array, readonly count: number) {}

  static readonly none = new MergedRanges(new Int32Array(0), 0);

  /** Ranges as read (any order); columns already clipped to the import's column limit. */
  static sorted(packed: Int32Array, count: number): MergedRanges {
    let inOrder = true;
    for (let i = 1; i < count && inOrder; i++) inOrder = packed[i * 4]! >= packed[(i - 1) * 4]!;
    if (inOrder) return new MergedRanges(packed.subarray(0, count * 4), count);
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => packed[a * 4]! - packed[b * 4]! || a - b);
    const sorted = new Int32Array(count * 4);
    for (let i = 0; i < count; i++) sorted.set(packed.subarray(order[i]! * 4, order[i]! * 4 + 4), i * 4);
    return new MergedRanges(sorted, count);
  }

  /** A filler for one pass over the sheet's rows, from the top. */
  filler(lookupRows: number): MergeFiller {
    return new MergeFiller(this.packed, this.count, lookupRows);
  }
}

interface ActiveRange extends MergedRange {
  value: Exclude<SourceCell, null>;
}

/**
 * Gives every cell of a merged range its top-left cell's value, as Excel shows it, row by row
 * as the rows stream past. A range whose top-left cell is empty, or whose top row has no
 * value at all, copies nothing; a range overlapping one already applied (Excel never writes
 * that; a damaged or hostile file might) is ignored, so at most one range covers a cell and
 * the work per row is bounded by the row's width. Filling never creates a row: a row with
 * no value of its own is not given to `fill`.
 *
 * For the first `lookupRows` rows filled it remembers which ranges covered them: the
 * preview's header detection asks (MergeLookup) whether a value was the cell's own.
 */
export class MergeFiller implements MergeLookup {
  private next = 0;
  private active: ActiveRange[] = [];
  /** Bottom row of the applied range holding each column; ranges are disjoint by this. */
  private readonly claimedUntil = new Int32Array(IMPORT_LIMITS.columns);
  private readonly recorded = new Map<number, MergedRange[]>();
  private rowsSeen = 0;

  constructor(private readonly packed: Int32Array, private readonly count: number, private readonly lookupRows: number) {}

  fill(row: SourceRow): void {
    const r = row.row;
    if (this.active.length) this.active = this.active.filter((range) => range.bottom >= r);
    while (this.next < this.count && this.packed[this.next * 4]! <= r) this.activate(row, this.next++);
    for (const range of this.active) {
      for (let c = range.left; c <= range.right; c++) {
        if (r !== range.top || c !== range.left) row.cells[c] = range.value;
      }
    }
    if (this.rowsSeen++ < this.lookupRows && this.active.length) {
      this.recorded.set(r, this.active.map(({ top, bottom, left, right }) => ({ top, bottom, left, right })));
    }
  }

  rangeAt(row: number, column: number): MergedRange | undefined {
    return this.recorded.get(row)?.find((range) => column >= range.left && column <= range.right);
  }

  private activate(row: SourceRow, i: number): void {
    const p = this.packed;
    const top = p[i * 4]!;
    const bottom = p[i * 4 + 1]!;
    const left = p[i * 4 + 2]!;
    const right = p[i * 4 + 3]!;
    // Its top row was empty or missing: the range shows nothing.
    if (top !== row.row) return;
    const value = row.cells[left];
    if (value === undefined || value === null) return;
    for (let c = left; c <= right; c++) if (this.claimedUntil[c]! >= top) return;
    for (let c = left; c <= right; c++) this.claimedUntil[c] = bottom;
    this.active.push({ top, bottom, left, right, value });
  }
}
