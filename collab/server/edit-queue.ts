import type { AppContext } from '../../server/context.ts';
import { apiRecordId, type RecordDocMessage } from '../protocol.ts';
import { editOf, writeEdit, type PendingEdit, type Rejection } from './client-edits.ts';
import type { LoadedRecordDoc, RecordDocs } from './record-docs.ts';
import type { TableBroadcaster } from './table-channel.ts';
import type * as Y from 'yjs';

/**
 * Group commit for client edits. Edits that arrive in the same turn of the event loop
 * (no timer: whatever the socket reads delivered together) are written in ONE SQLite
 * transaction, each through the write path as its own batch (a savepoint, with its own
 * history rows and refusals). With `synchronous = FULL` a commit costs an fsync; one per
 * edit capped the server at a few hundred edits/s (docs/decisions/0020).
 *
 * An edit is acknowledged to its sender only after that commit: Hocuspocus's sync-status
 * replies are held (`holdAck`, from the socket's send) while edits are pending. Other
 * clients may see the edit in the doc before the commit, as with any collaborative edit;
 * a refused or failed one is reverted in every doc right after.
 */
export class EditQueue {
  private edits: PendingEdit[] = [];
  private acks: Array<() => void> = [];
  private scheduled = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly docs: RecordDocs,
    private readonly channel: TableBroadcaster,
  ) {}

  get pending(): boolean {
    return this.edits.length > 0;
  }

  /** From a record doc's `afterTransactionCleanup`. */
  add(entry: LoadedRecordDoc, transaction: Y.Transaction): void {
    const edit = editOf(entry, transaction);
    if (!edit) return;
    const last = this.edits.at(-1);
    // A run of keystrokes in one text by one connection is one write (and one history
    // row). Any other value replaced before the commit is still written on its own, so
    // the record history has every value someone set; an edit by someone else in between
    // keeps the order SQL sees them in.
    const merges = last?.entry === entry && last.connection === edit.connection &&
      [...edit.values.keys()].every((key) => !last.values.has(key) || (last.typing.has(key) && edit.typing.has(key)));
    if (merges) {
      for (const [key, value] of edit.values) last.values.set(key, value);
      for (const key of edit.typing) last.typing.add(key);
    } else {
      this.edits.push(edit);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Holds an acknowledgement until the pending edits are committed; false if none are. */
  holdAck(send: () => void): boolean {
    if (!this.pending) return false;
    this.acks.push(send);
    return true;
  }

  flush(): void {
    this.scheduled = false;
    const edits = this.edits;
    const acks = this.acks;
    this.edits = [];
    this.acks = [];
    try {
      if (edits.length) this.commit(edits);
    } finally {
      for (const send of acks) send();
    }
  }

  private commit(edits: PendingEdit[]): void {
    const touched = new Map<LoadedRecordDoc, Set<string>>();
    for (const { entry, values } of edits) touched.set(entry, new Set([...(touched.get(entry) ?? []), ...values.keys()]));
    let replies: Array<[PendingEdit, Rejection]> = [];
    this.channel.hold();
    try {
      this.docs.deferring(touched.keys(), () => this.ctx.db.transaction(() => {
        for (const edit of edits) for (const rejection of this.write(edit)) replies.push([edit, rejection]);
        // Every touched key now shows SQL's value: refused ones go back, accepted ones take
        // the stored form ('' becomes no key, an email's domain lowercase). Stored here, in
        // the edits' transaction.
        for (const [entry, keys] of touched) {
          this.docs.resync(entry, keys, { store: false });
          this.docs.store(entry);
        }
      }));
      this.channel.release();
    } catch (error) {
      // Not a refusal but a failure (SQLite, a bug): nothing was written, so every edit of
      // the group goes back, and each sender is told.
      this.channel.discard();
      console.error('collab: committing client edits failed; they are reverted', error);
      for (const [entry, keys] of touched) this.revert(entry, keys);
      replies = edits.flatMap((edit) =>
        [...edit.values.keys()].map((fieldId): [PendingEdit, Rejection] => [edit, { fieldId, code: 'INTERNAL', message: 'the change could not be saved' }]),
      );
    }
    for (const [{ entry, connection }, rejection] of replies) {
      const message: RecordDocMessage = { type: 'rejected', recordId: apiRecordId(entry.recordId), ...rejection };
      connection.sendStateless(JSON.stringify(message));
    }
  }

  /** One edit in its own savepoint: a bug in one edit fails that edit, not its group. */
  private write(edit: PendingEdit): Rejection[] {
    try {
      return this.ctx.db.transaction(() => writeEdit(this.ctx, edit));
    } catch (error) {
      console.error(`collab: could not write an edit of ${edit.entry.name}`, error);
      return [...edit.values.keys()].map((fieldId) => ({ fieldId, code: 'INTERNAL', message: 'the change could not be saved' }));
    }
  }

  private revert(entry: LoadedRecordDoc, keys: Set<string>): void {
    try {
      this.docs.resync(entry, keys);
    } catch (error) {
      // SQLite itself is failing: the doc keeps the edit until it is reloaded from SQL.
      console.error(`collab: could not revert ${entry.name} after a failed commit`, error);
    }
  }
}
