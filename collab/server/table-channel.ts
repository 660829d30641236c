import { OutgoingMessage, type Connection, type Hocuspocus } from '@hocuspocus/server';
import type { RecordBatchCommitted, SchemaChanged } from '../../server/events/index.ts';
import { apiRecordId, tableChannelName, type TableFrame, type TableMessage } from '../protocol.ts';

/** Above this many messages for one table in one turn, clients get one `refresh` instead. */
export const MAX_PATCHES_PER_FRAME = 500;

/** The table channel's messages for one committed batch, in the batch's order. */
export function messagesOfBatch(batch: RecordBatchCommitted): TableMessage[] {
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
 * Sends table channel messages, one frame per connection per turn of the event loop: the
 * messages of a turn (a group commit of edits, a REST batch) go out together, so a busy
 * table costs one socket write per viewer per turn instead of one per change. While the
 * edit queue commits, messages are held, and dropped if the commit fails.
 */
export class TableBroadcaster {
  private readonly outbox = new Map<string, TableMessage[]>();
  private held = 0;
  private mark = new Map<string, number>();
  private scheduled = false;

  constructor(private readonly hocuspocus: Hocuspocus) {}

  /** Whether anyone has the table's channel open (else its messages need not even be built). */
  isOpen(tableId: string): boolean {
    return this.hocuspocus.documents.has(tableChannelName(tableId));
  }

  queue(tableId: string, messages: readonly TableMessage[]): void {
    if (!messages.length || !this.hocuspocus.documents.has(tableChannelName(tableId))) return;
    const queued = this.outbox.get(tableId) ?? [];
    queued.push(...messages);
    this.outbox.set(tableId, queued);
    this.schedule();
  }

  /** Around a transaction that has not committed yet: its messages wait for `release`. */
  hold(): void {
    if (this.held++ === 0) this.mark = new Map([...this.outbox].map(([tableId, queued]) => [tableId, queued.length]));
  }

  release(): void {
    if (--this.held === 0) this.flush();
  }

  /** The held transaction failed: what it queued never happened. */
  discard(): void {
    for (const [tableId, queued] of this.outbox) queued.length = this.mark.get(tableId) ?? 0;
    this.release();
  }

  flush(): void {
    this.scheduled = false;
    if (this.held) return;
    for (const [tableId, messages] of this.outbox) this.send(tableChannelName(tableId), messages);
    this.outbox.clear();
  }

  private schedule(): void {
    if (this.held || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private send(name: string, messages: TableMessage[]): void {
    const document = this.hocuspocus.documents.get(name);
    if (!document || !messages.length) return;
    const all: TableMessage[] = messages.length > MAX_PATCHES_PER_FRAME ? [{ type: 'refresh', reason: 'bulk' }] : messages;
    const shared = encode(name, all);
    for (const connection of document.getConnections()) {
      const visible = all.map((message) => visibleTo(connection, message));
      if (visible.every((message, i) => message === all[i])) connection.send(shared);
      else {
        const kept = visible.filter((message) => message !== undefined);
        if (kept.length) connection.send(encode(name, kept));
      }
    }
  }
}

function encode(documentName: string, messages: TableMessage[]): Uint8Array {
  const frame: TableFrame = messages.length === 1 ? messages[0]! : { type: 'batch', messages };
  return new OutgoingMessage(documentName).writeStateless(JSON.stringify(frame)).toUint8Array();
}
