import type { CollabClient, RecordDocHandle } from '../../../collab/client/index.ts';
import { parseRecordId } from '../../../core/record-id.ts';

export interface RecordDocHooks {
  /** The server refused this client's edit of a field (it reverts the doc itself). */
  onRejected?(fieldId: string, message: string): void;
}

/** A record doc lent to the panel; `release` when the panel lets it go. */
export interface RecordDocLease {
  handle: RecordDocHandle;
  release(): void;
}

/**
 * Where the panel gets a record's doc. CollabClient opens a doc name once per client, so
 * when the grid already holds the record's doc (a focused cell), it must lend that one:
 * the grid passes its own source. Alone, the panel opens the doc on the client itself.
 */
export interface RecordDocSource {
  acquire(recordId: string, hooks?: RecordDocHooks): RecordDocLease;
}

export function docSourceFromClient(collab: CollabClient, tableId: string): RecordDocSource {
  return {
    acquire(recordId, hooks = {}) {
      const id = parseRecordId(recordId);
      if (id === undefined) throw new Error(`not a record id: ${recordId}`);
      const handle = collab.openRecord(tableId, id, {
        onMessage: (message) => hooks.onRejected?.(message.fieldId, message.message),
      });
      return { handle, release: () => handle.close() };
    },
  };
}
