import { Connection } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import type { FieldValues } from '../../server/events/index.ts';
import { writeRecords, type CellError } from '../../server/records/index.ts';
import { fieldsOf, readDocValue } from './doc-values.ts';
import type { LoadedRecordDoc } from './record-docs.ts';
import type { SocketContext } from './socket-auth.ts';

/** A client's edit of one record doc, waiting for the group commit (edit-queue.ts). */
export interface PendingEdit {
  entry: LoadedRecordDoc;
  connection: Connection;
  /** Each touched key's doc value right after the client's transaction; undefined: no field value. */
  values: Map<string, { value: unknown } | undefined>;
  /** The keys whose value is a shared text: a run of keystrokes there may become one write. */
  typing: Set<string>;
}

export interface Rejection {
  fieldId: string;
  code: string;
  message: string;
}

/**
 * What a record doc transaction asks of the write path, if anything. Only transactions
 * whose origin is a client connection count: server-origin changes (reconcile, other
 * origins' writes, reverts) never go back to the write path, which is what stops the loop
 * between the doc and the write path's hook. Values are taken now, after Yjs resolved any
 * conflict, so SQL gets what the replicas show, in the order the edits arrived.
 */
export function editOf(entry: LoadedRecordDoc, transaction: Y.Transaction): PendingEdit | undefined {
  const connection = transaction.origin;
  if (!(connection instanceof Connection)) return undefined;
  const keys = changedFieldKeys(entry.document, transaction);
  if (!keys.size) return undefined;
  const map = fieldsOf(entry.document);
  const typing = new Set([...keys].filter((key) => map.get(key) instanceof Y.Text));
  return { entry, connection, values: new Map([...keys].map((key) => [key, readDocValue(map, key)])), typing };
}

/**
 * Writes one edit through the write path as one batch, as its connection's user with
 * origin 'user'. Cells the write path refuses are taken out and the rest retried, so one
 * bad cell among offline edits does not sink the others. Anything but a refusal (SQLite,
 * a bug) is thrown to the caller.
 */
export function writeEdit(ctx: AppContext, { entry, connection, values: captured }: PendingEdit): Rejection[] {
  if (connection.readOnly || entry.deleted) {
    return [...captured.keys()].map((fieldId) => ({ fieldId, code: 'FORBIDDEN', message: 'this record cannot be edited here' }));
  }
  const { actor } = connection.context as SocketContext;
  const rejections: Rejection[] = [];
  const values: FieldValues = {};
  for (const [key, read] of captured) {
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
