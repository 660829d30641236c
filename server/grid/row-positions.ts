import type { AppContext } from '../context.ts';
import type { RecordBatchCommitted, SchemaChanged } from '../events/index.ts';

/** One anchor id per this many rows: a block read walks at most this far past its anchor. */
export const ANCHOR_STEP = 256;
const MAX_ENTRIES = 64;

export interface Positions {
  /** The id of every ANCHOR_STEP-th row passing the filter, in id order. */
  anchors: number[];
  /** How many rows pass the filter. */
  total: number;
  maxId: number;
}

interface Entry {
  tableId: string;
  /** Fields the view's filter reads: an update to one of them can move a row in or out. */
  filterFields: ReadonlySet<string> | undefined;
  positions: Positions;
}

/**
 * Row counts and id anchors per (table, view filter, user, hour), kept until a committed
 * change could make them wrong. Counting 1M rows costs ~80 ms and an OFFSET of 900,000 as
 * much again, on the one thread that also serves every collaborator; a grid asks for both
 * on every block it loads. Updates leave an unfiltered view's positions alone and records
 * created at the end extend them, so only deletes and filter-relevant updates rebuild.
 */
export class RowPositions {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: Array<() => void>;

  constructor(ctx: AppContext) {
    this.unsubscribe = [
      ctx.events.on('records', (batch) => this.committed(batch)),
      ctx.events.on('schema', (event) => this.schemaChanged(event)),
    ];
  }

  get(key: string, tableId: string, filterFields: ReadonlySet<string> | undefined, build: () => Positions): Positions {
    const cached = this.entries.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.positions;
    }
    const positions = build();
    this.entries.set(key, { tableId, filterFields, positions });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return positions;
  }

  close(): void {
    this.unsubscribe.forEach((off) => off());
    this.entries.clear();
  }

  private committed(batch: RecordBatchCommitted): void {
    for (const [key, entry] of this.entries) {
      if (entry.tableId === batch.tableId && !survives(entry, batch)) this.entries.delete(key);
    }
  }

  private schemaChanged(event: SchemaChanged): void {
    if (event.kind === 'view') return; // a changed view config is a different key
    for (const [key, entry] of this.entries) if (entry.tableId === event.tableId) this.entries.delete(key);
  }
}

/** Applies the batch to the entry in place when it can; false when it must be rebuilt. */
function survives(entry: Entry, batch: RecordBatchCommitted): boolean {
  const { positions, filterFields } = entry;
  for (const change of batch.changes) {
    if (change.action === 'deleted') return false;
    if (change.action === 'updated') {
      if (filterFields && Object.keys(change.after).some((fieldId) => filterFields.has(fieldId))) return false;
      continue;
    }
    // A created row passes a filter or not: only an unfiltered view knows without asking.
    // New ids are max(id)+1 in SQLite, so an unfiltered view grows at its end.
    if (filterFields || change.recordId <= positions.maxId) return false;
    if (positions.total % ANCHOR_STEP === 0) positions.anchors.push(change.recordId);
    positions.total += 1;
    positions.maxId = change.recordId;
  }
  return true;
}
