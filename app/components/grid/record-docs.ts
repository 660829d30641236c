import * as Y from 'yjs';
import { parseRecordId } from '../../../core/record-id.ts';
import { readField, type CollabClient, type RecordDocHandle } from '../../../collab/client/index.ts';
import type { PendingEdits } from '../offline/pending-edits.ts';
import type { RecordDocHooks as LeaseHooks, RecordDocLease } from '../record/record-doc-source.ts';

/** How long a record's doc stays open after its cells lost focus (moving back is instant). */
const IDLE_MS = 15_000;
/** Docs kept open at most; the least recently used go first. */
const MAX_OPEN = 24;
/** Focus resting this long opens the doc: holding an arrow key down opens nothing on the way. */
const FOCUS_OPEN_MS = 120;
/** Once connected, an edit waits this long for the doc's first sync before it gives up. */
const SYNC_TIMEOUT_MS = 8000;
const SYNC_CHECK_MS = 1000;

export interface RecordDocHooks {
  /** Another replica (a collaborator, the server) changed a field of an open doc. */
  onRemoteChange(recordId: string, fieldId: string, value: unknown): void;
  /** The server refused this client's edit of a field. */
  onRejected(recordId: string, fieldId: string, message: string): void;
}

interface OpenDoc {
  handle: RecordDocHandle;
  lastUsed: number;
  /** Record panels holding it: never swept while lent. */
  leases: Set<LeaseHooks>;
  /** Edits waiting for the first sync: never swept with them. */
  waiting: number;
  /** Synced once: from then on an offline edit descends from the server's state and may go into the doc. */
  everSynced: boolean;
}

/**
 * The record docs the grid holds (ARCHITECTURE §5): opened when a cell of the record gets
 * focus or starts editing, written with `fields.set` after the first sync (a write before
 * it would be concurrent with the server's state and could lose to it), and closed once
 * the record has been out of focus for a while — unless it still holds edits the server
 * has not confirmed (offline), which closing would throw away.
 */
export class RecordDocs {
  private readonly docs = new Map<string, OpenDoc>();
  private focused: string | null = null;
  private opening: ReturnType<typeof setTimeout> | undefined;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly client: CollabClient,
    private readonly tableId: string,
    private readonly hooks: RecordDocHooks,
    private readonly pending?: PendingEdits,
  ) {
    this.sweeper = setInterval(() => this.sweep(), IDLE_MS / 3);
  }

  /**
   * Lends the record's doc (opening it if needed) to the record panel, pinned against the
   * idle sweep until `release`; the server's refusals of edits reach the lease's hooks too.
   */
  lease(recordId: string, hooks: LeaseHooks = {}): RecordDocLease {
    const doc = this.open(recordId);
    doc.leases.add(hooks);
    let released = false;
    return {
      handle: doc.handle,
      release: () => {
        if (released) return;
        released = true;
        doc.leases.delete(hooks);
        doc.lastUsed = Date.now();
      },
    };
  }

  /** The record now holding focus: its doc opens (or stays open). */
  focus(recordId: string | null): void {
    if (this.focused && this.docs.has(this.focused)) this.docs.get(this.focused)!.lastUsed = Date.now();
    this.focused = recordId;
    clearTimeout(this.opening);
    if (!recordId) return;
    if (this.docs.has(recordId)) this.open(recordId);
    else this.opening = setTimeout(() => this.focused === recordId && this.open(recordId), FOCUS_OPEN_MS);
  }

  /** Sets a field through the record's doc; resolves once written locally (the server answers later). */
  async write(recordId: string, fieldId: string, value: unknown, collaborativeText: boolean): Promise<void> {
    const doc = this.open(recordId);
    if (!doc.everSynced && !doc.handle.provider.isSynced) {
      // Offline, the doc cannot sync yet: the edit waits (shown, and counted as pending)
      // and is written once the connection is back, rather than being given up.
      doc.waiting += 1;
      const done = this.pending?.begin(1);
      try {
        await this.whenSynced(doc.handle);
      } finally {
        doc.waiting -= 1;
        done?.();
      }
    }
    doc.lastUsed = Date.now();
    const { fields } = doc.handle;
    doc.handle.document.transact(() => {
      const current = fields.get(fieldId);
      if (collaborativeText) {
        const text = typeof value === 'string' ? value : '';
        if (current instanceof Y.Text) replaceText(current, text);
        else fields.set(fieldId, new Y.Text(text));
      } else if (value === null || value === undefined) {
        fields.delete(fieldId);
      } else {
        fields.set(fieldId, value);
      }
    });
  }

  /**
   * The first sync, however long the socket is down; only a socket that has been connected
   * for a while and still cannot sync the doc (refused, gone) makes the edit give up.
   */
  private whenSynced(handle: RecordDocHandle): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout>;
      let connectedAt: number | null = null;
      const check = () => {
        if (this.client.socket.status !== 'connected') connectedAt = null;
        else connectedAt ??= Date.now();
        if (connectedAt !== null && Date.now() - connectedAt >= SYNC_TIMEOUT_MS) reject(new Error('the record could not be opened for editing'));
        else timer = setTimeout(check, SYNC_CHECK_MS);
      };
      timer = setTimeout(check, SYNC_CHECK_MS);
      handle.synced().then(() => { clearTimeout(timer); resolve(); }, (error: unknown) => { clearTimeout(timer); reject(error as Error); });
    });
  }

  destroy(): void {
    clearInterval(this.sweeper);
    clearTimeout(this.opening);
    for (const doc of this.docs.values()) doc.handle.close();
    this.docs.clear();
  }

  private open(recordId: string): OpenDoc {
    const existing = this.docs.get(recordId);
    if (existing) {
      existing.lastUsed = Date.now();
      return existing;
    }
    const id = parseRecordId(recordId);
    if (id === undefined) throw new Error(`not a record id: ${recordId}`);
    const leases = new Set<LeaseHooks>();
    const handle = this.client.openRecord(this.tableId, id, {
      onMessage: (message) => {
        this.hooks.onRejected(message.recordId, message.fieldId, message.message);
        for (const lease of leases) lease.onRejected?.(message.fieldId, message.message);
      },
      onClosed: () => this.forget(recordId, handle),
      onForbidden: () => this.forget(recordId, handle),
    });
    handle.fields.observeDeep((events, transaction) => {
      if (transaction.local) return;
      const keys = new Set<string>();
      for (const event of events) {
        if (event instanceof Y.YMapEvent && event.target === handle.fields) event.keysChanged.forEach((key) => keys.add(key));
        else if (typeof event.path[0] === 'string') keys.add(event.path[0]);
      }
      for (const key of keys) this.hooks.onRemoteChange(recordId, key, readField(handle.fields, key));
    });
    const doc: OpenDoc = { handle, lastUsed: Date.now(), leases, waiting: 0, everSynced: false };
    void handle.synced().then(() => { doc.everSynced = true; });
    this.docs.set(recordId, doc);
    this.sweep();
    return doc;
  }

  private forget(recordId: string, handle: RecordDocHandle): void {
    if (this.docs.get(recordId)?.handle !== handle) return;
    this.docs.delete(recordId);
    handle.close();
  }

  private sweep(): void {
    const now = Date.now();
    const idle = [...this.docs.entries()]
      .filter(([id, doc]) => id !== this.focused && !doc.leases.size && !doc.waiting && !doc.handle.provider.unsyncedChanges)
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    let excess = this.docs.size - MAX_OPEN;
    for (const [id, doc] of idle) {
      if (excess <= 0 && now - doc.lastUsed < IDLE_MS) continue;
      excess -= 1;
      this.forget(id, doc.handle);
    }
  }
}

/** The smallest edit turning `text` into `next`, so a collaborator's typing elsewhere survives. */
function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  text.delete(start, current.length - start - end);
  text.insert(start, next.slice(start, next.length - end));
}


