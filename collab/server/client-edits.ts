import { Connection } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import type { FieldValues } from '../../server/events/index.ts';
import { writeRecords, type CellError } from '../../server/records/index.ts';
import { apiRecordId, type RecordDocMessage } from '../protocol.ts';
import { fieldsOf, readDocValue } from './doc-values.ts';
import type { LoadedRecordDoc, RecordDocs } from './record-docs.ts';
import type { SocketContext } from './socket-auth.ts';

interface Rejection {
  fieldId: string;
  code: string;
  message: string;
}

/**
 * Runs after each transaction on a record doc is cleaned up, before Hocuspocus broadcasts
 * it and before the sender is acknowledged: a client's edit reaches the other clients
 * only once its values are committed to SQL, or together with their revert.
 *
 * Only transactions whose origin is a client connection are handled; server-origin
 * changes (reconcile, other origins' writes, reverts) never go back to the write path,
 * which is what stops the loop between the doc and the write path's hook.
 */
export function onRecordDocTransaction(ctx: AppContext, docs: RecordDocs, entry: LoadedRecordDoc, transaction: Y.Transaction): void {
  const connection = transaction.origin;
  if (!(connection instanceof Connection)) return;
  const keys = changedFieldKeys(entry.document, transaction);
  if (!keys.size) return;
  const storesBefore = entry.stores;
  try {
    const rejections = connection.readOnly || entry.deleted ? refuseAll(keys) : writeEdit(ctx, entry, connection, keys);
    if (rejections.length) {
      docs.resync(entry, rejections.map((r) => r.fieldId));
      for (const rejection of rejections) send(connection, { type: 'rejected', recordId: apiRecordId(entry.recordId), ...rejection });
    }
  } catch (error) {
    // Not a refusal of the value but a failure of ours (SQLite, a bug): the edit did not
    // commit, so it is reverted like a refused one and the sender is told.
    console.error(`record doc ${entry.name}: could not write a client edit`, error);
    docs.resync(entry, keys);
    for (const fieldId of keys) {
      send(connection, { type: 'rejected', recordId: apiRecordId(entry.recordId), fieldId, code: 'INTERNAL', message: 'the change could not be saved' });
    }
  }
  // An edit that changed nothing in SQL was not stored by the write path's hook.
  if (entry.stores === storesBefore) docs.store(entry);
}

/**
 * One batch with every changed key's current doc value (after Yjs resolved conflicts, so
 * SQL ends with what every replica shows). Cells the write path refuses are taken out and
 * the rest retried, so one bad cell among offline edits does not sink the others.
 */
function writeEdit(ctx: AppContext, entry: LoadedRecordDoc, connection: Connection, keys: Set<string>): Rejection[] {
  const { actor } = connection.context as SocketContext;
  const map = fieldsOf(entry.document);
  const rejections: Rejection[] = [];
  const values: FieldValues = {};
  for (const key of keys) {
    const read = readDocValue(map, key);
    if (read) values[key] = read.value;
    else rejections.push({ fieldId: key, code: 'INVALID_VALUE', message: 'a field value cannot be a nested shared type' });
  }
  while (Object.keys(values).length) {
    try {
      writeRecords(ctx, { tableId: entry.tableId, updates: [{ id: entry.recordId, values }] }, { actor, origin: 'user', typecast: false });
      break;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const cells = error.code === 'INVALID_VALUE' ? cellErrorsOf(error).filter((cell) => Object.hasOwn(values, cell.fieldId)) : [];
      // Refused as a whole (FORBIDDEN, NOT_FOUND …): every key goes back.
      const refused = cells.length ? cells : Object.keys(values).map((fieldId) => ({ fieldId, message: error.message }));
      for (const cell of refused) {
        rejections.push({ fieldId: cell.fieldId, code: error.code, message: cell.message });
        delete values[cell.fieldId];
      }
    }
  }
  return rejections;
}

function refuseAll(keys: Set<string>): Rejection[] {
  return [...keys].map((fieldId) => ({ fieldId, code: 'FORBIDDEN', message: 'this record cannot be edited here' }));
}

function cellErrorsOf(error: AppError): CellError[] {
  const errors = error.details?.errors;
  return Array.isArray(errors) ? (errors as CellError[]) : [];
}

/**
 * The field keys a transaction touched: keys set or deleted on the fields map, and the
 * key under which a changed nested type (a long text's Y.Text) lives.
 */
export function changedFieldKeys(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const map = fieldsOf(doc) as Y.AbstractType<unknown>;
  const keys = new Set<string>();
  for (const [type, subs] of transaction.changed) {
    if ((type as Y.AbstractType<unknown>) === map) {
      for (const key of subs) if (key !== null) keys.add(key);
      continue;
    }
    let item = type._item;
    while (item && item.parent !== map) item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
    if (item?.parentSub) keys.add(item.parentSub);
  }
  return keys;
}

function send(connection: Connection, message: RecordDocMessage): void {
  connection.sendStateless(JSON.stringify(message));
}
