import { OutgoingMessage, type Connection, type Hocuspocus } from '@hocuspocus/server';
import type { RecordBatchCommitted, SchemaChanged } from '../../server/events/index.ts';
import { apiRecordId, tableChannelName, type TableMessage } from '../protocol.ts';

/** Above this many changes in one batch, clients get one `refresh` instead of a patch each. */
export const MAX_PATCHES_PER_BATCH = 500;

/** The table channel's messages for one committed batch, in the batch's order. */
export function messagesOfBatch(batch: RecordBatchCommitted): TableMessage[] {
  if (batch.changes.length > MAX_PATCHES_PER_BATCH) return [{ type: 'refresh', reason: 'bulk' }];
  return batch.changes.map((change): TableMessage => {
    const recordId = apiRecordId(change.recordId);
    switch (change.action) {
      case 'created':
        return { type: 'created', recordId, version: change.version, values: change.values, by: batch.actorId };
      case 'updated':
        return { type: 'patch', recordId, version: change.version, values: change.after, by: batch.actorId };
      case 'deleted':
        return { type: 'deleted', recordId };
    }
  });
}

export function messageOfSchema(event: SchemaChanged): TableMessage {
  return { type: 'schema', kind: event.kind, action: event.action, id: event.id };
}

/**
 * ARCHITECTURE §8: the table channel filters every message per connection by field and row
 * permissions. There are none yet, so everyone sees everything; when they come, this is
 * the one place that drops hidden fields' values (or the whole message) for a connection.
 */
export function visibleTo(_connection: Connection, message: TableMessage): TableMessage | undefined {
  return message;
}

/**
 * Sends messages to every connection of the table's channel, if anyone has it open. Each
 * message is encoded once and the bytes shared, since most connections see the same one.
 */
export function broadcastToTable(hocuspocus: Hocuspocus, tableId: string, messages: readonly TableMessage[]): void {
  const name = tableChannelName(tableId);
  const document = hocuspocus.documents.get(name);
  if (!document || !messages.length) return;
  const connections = document.getConnections();
  for (const message of messages) {
    const shared = encode(name, message);
    for (const connection of connections) {
      const visible = visibleTo(connection, message);
      if (visible) connection.send(visible === message ? shared : encode(name, visible));
    }
  }
}

function encode(documentName: string, message: TableMessage): Uint8Array {
  return new OutgoingMessage(documentName).writeStateless(JSON.stringify(message)).toUint8Array();
}
