import { GroupRefusedError } from './batch-queue.ts';
import type { GridController } from './grid-controller.ts';
import { ApiError, type BatchBody, type BatchResult } from './rows-client.ts';
import type { CellChange, CellRef } from './types.ts';
import type { PasteStep } from './undo-stack.ts';

/** Records per request: 10,000 pasted rows in four short write-path transactions (decision 0047). */
export const CHUNK_ROWS = 2500;
/** Well under the API's 4 MB body limit, counting every character as three UTF-8 bytes. */
const CHUNK_CHARS = 1_000_000;

/** An existing row's new values (what is sent) and its old ones (what undo puts back). */
export interface RowWrite {
  id: string;
  values: Record<string, unknown>;
  before: Record<string, unknown>;
}

/** A paste or fill: cells of existing rows and new rows, written as one undo step. */
export interface CellWrite {
  updates: RowWrite[];
  creates: Array<Record<string, unknown>>;
  /** Values are pasted text the server's field types coerce (true), or already stored values. */
  typecast: boolean;
}

const rowsIn = (body: BatchBody) => (body.updates?.length ?? 0) + (body.creates?.length ?? 0) + (body.deletes?.length ?? 0);

/**
 * One batch as requests of at most CHUNK_ROWS records and about 3 MB each, in order:
 * updates, then creates (created rows keep the order they were given in), then deletes.
 */
export function splitBatch(body: BatchBody): BatchBody[] {
  const bodies: BatchBody[] = [];
  let current: BatchBody = {};
  let chars = 0;
  const close = () => {
    if (!rowsIn(current)) return;
    if (body.typecast) current.typecast = true;
    bodies.push(current);
    current = {};
    chars = 0;
  };
  const add = <K extends 'updates' | 'creates' | 'deletes'>(key: K, item: NonNullable<BatchBody[K]>[number]) => {
    const size = JSON.stringify(item).length;
    if (rowsIn(current) >= CHUNK_ROWS || (chars + size > CHUNK_CHARS && rowsIn(current) > 0)) close();
    ((current[key] ??= []) as unknown[]).push(item);
    chars += size;
  };
  for (const update of body.updates ?? []) add('updates', update);
  for (const create of body.creates ?? []) add('creates', create);
  for (const id of body.deletes ?? []) add('deletes', id);
  close();
  return bodies;
}

/** Every request's answers as one. */
function merge(results: readonly BatchResult[]): BatchResult {
  return { created: results.flatMap((r) => r.created), updated: results.flatMap((r) => r.updated), deleted: results.flatMap((r) => r.deleted) };
}

/**
 * Sends a batch of any size: one request when it fits, else a group of requests in order.
 * All or nothing for the person at the grid: if a later request is refused, what the
 * earlier ones committed is taken back (rows created deleted, old values restored) before
 * the error is thrown. Others may glimpse the partial change meanwhile; the write path
 * refuses a bad cell before writing anything, so a refusal mid-way is rare (the schema or
 * the person's role changed in between).
 */
export async function sendBatch(ctrl: GridController, body: BatchBody, before?: ReadonlyMap<string, Record<string, unknown>>): Promise<BatchResult> {
  const bodies = splitBatch(body);
  if (!bodies.length) return { created: [], updated: [], deleted: [] };
  if (bodies.length === 1) return ctrl.batches.submit(bodies[0]!, rowsIn(bodies[0]!));
  try {
    return merge(await ctrl.batches.submitGroup(bodies, rowsIn));
  } catch (error) {
    if (!(error instanceof GroupRefusedError)) throw error;
    const committed = merge(error.committed);
    const undo: BatchBody = {
      deletes: committed.created.map((row) => row.id),
      updates: before ? committed.updated.map((row) => ({ id: row.id, values: before.get(row.id) ?? {} })).filter((u) => Object.keys(u.values).length) : [],
    };
    if (rowsIn(undo)) await ctrl.batches.submitGroup(splitBatch(undo), rowsIn);
    throw error.refusal;
  }
}

/**
 * Writes a paste or a fill: shown at once where the values are final (a fill), sent as one
 * batch (split in order when big), then one undo step of the cells changed and the rows
 * created, the loaded rows patched, the row count raised and the blocks reloaded. A refusal
 * puts the old values back, marks the cell at fault and says why; nothing stays half-written.
 */
export function commitWrite(ctrl: GridController, write: CellWrite, options: { optimistic?: boolean } = {}): Promise<BatchResult | undefined> {
  return ctrl.trackStep(writeAndRecord(ctrl, write, options));
}

async function writeAndRecord(ctrl: GridController, write: CellWrite, options: { optimistic?: boolean }): Promise<BatchResult | undefined> {
  if (!write.updates.length && !write.creates.length) return undefined;
  if (options.optimistic) for (const row of write.updates) for (const [fieldId, value] of Object.entries(row.values)) ctrl.setCell(row.id, fieldId, value);
  const before = new Map(write.updates.map((row) => [row.id, row.before]));
  const body: BatchBody = { updates: write.updates.map(({ id, values }) => ({ id, values })), creates: write.creates, typecast: write.typecast };
  let result: BatchResult;
  try {
    result = await sendBatch(ctrl, body, before);
  } catch (error) {
    if (options.optimistic) for (const row of write.updates) for (const fieldId of Object.keys(row.values)) ctrl.setCell(row.id, fieldId, row.before[fieldId] ?? null);
    ctrl.toasts.show(ctrl.setup.cell.t('grid.saveFailed', { message: (error as Error).message }), { cell: firstBadCell(error) });
    return undefined;
  }
  const sent = new Map(write.updates.map((row) => [row.id, row]));
  const changes: CellChange[] = [];
  for (const row of result.updated) {
    const update = sent.get(row.id);
    if (!update) continue;
    for (const fieldId of Object.keys(update.values)) {
      changes.push({ recordId: row.id, fieldId, before: update.before[fieldId] ?? null, after: row.values[fieldId] ?? null });
    }
    ctrl.applyPatch(row.id, row.version, row.values);
  }
  const created = result.created.map((row, index) => ({
    id: row.id,
    values: Object.fromEntries(Object.keys(write.creates[index] ?? {}).map((fieldId) => [fieldId, row.values[fieldId] ?? null])),
  }));
  const step: PasteStep = { kind: 'paste', changes, created };
  ctrl.undo.push(step);
  if (created.length) addToRowCount(ctrl, created.length);
  ctrl.refresh();
  return result;
}

/** Rows were created or deleted here: the count (and the grid's scroll height) follow at once. */
export function addToRowCount(ctrl: GridController, delta: number): void {
  const count = ctrl.total.get();
  if (count === null) return;
  const next = Math.max(0, count + delta);
  ctrl.total.set(next);
  // A grouped view's rows include its headers, and new records may open a group: its
  // refresh sets the row count from the server's layout.
  if (!ctrl.grouped) ctrl.api?.setRowCount(next, true);
}

/**
 * The grid's rows, for position arithmetic: the records in a plain view (known before its
 * blocks reach ag-grid), the records and group headers in a grouped one.
 */
export function viewRowCount(ctrl: GridController): number {
  return ctrl.grouped ? ctrl.rowCount() : (ctrl.total.get() ?? ctrl.rowCount());
}

/** The first cell a refused batch names, to mark it. */
export function firstBadCell(error: unknown): CellRef | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const first = (error.details?.errors as Array<{ recordId?: string; fieldId?: string }> | undefined)?.[0];
  return first?.recordId && first.fieldId ? { recordId: first.recordId, fieldId: first.fieldId } : undefined;
}
