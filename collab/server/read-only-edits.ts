import { MessageType, type beforeHandleMessagePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { apiRecordId, type RecordDocMessage } from '../protocol.ts';
import { changedFieldKeys } from './client-edits.ts';
import { fieldsOf } from './doc-values.ts';
import type { SocketContext } from './socket-auth.ts';

const REFUSAL = { code: 'FORBIDDEN', message: 'your role in this base does not allow editing records' };

/**
 * Hocuspocus drops updates from a read-only connection and answers with a sync status the
 * provider ignores, so the sender never learned. An editor lowered to viewer while a record
 * doc was open meets this: each field their refused update touched gets the same
 * `rejected` message as a write path refusal, so the grid says so on the cell. Nothing of
 * the update is applied: the fields are found on a scratch copy of the doc.
 */
export function tellRefusedEdit({ connection, context, document, update }: beforeHandleMessagePayload): void {
  const { doc } = context as SocketContext;
  if (!connection.readOnly || doc.kind !== 'record') return;
  let fieldIds: string[];
  try {
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
    const step = decoding.readVarUint(decoder);
    if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return;
    fieldIds = touchedFields(document, decoding.readVarUint8Array(decoder));
  } catch {
    return; // not a decodable update: Hocuspocus refuses it on its own
  }
  for (const fieldId of fieldIds) {
    const message: RecordDocMessage = { type: 'rejected', recordId: apiRecordId(doc.recordId), fieldId, ...REFUSAL };
    connection.sendStateless(JSON.stringify(message));
  }
}

function touchedFields(document: Y.Doc, update: Uint8Array): string[] {
  const copy = new Y.Doc();
  // Defined before any update, so the changes are reported on this very map.
  fieldsOf(copy);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
  const keys = new Set<string>();
  copy.on('afterTransaction', (transaction: Y.Transaction) => changedFieldKeys(copy, transaction).forEach((key) => keys.add(key)));
  Y.applyUpdate(copy, update);
  copy.destroy();
  return [...keys];
}
