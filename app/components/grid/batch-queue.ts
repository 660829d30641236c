import type { PendingEdits } from '../offline/pending-edits.ts';
import { UnreachableError, type BatchBody, type BatchResult } from './rows-client.ts';

/** While a batch waits for the server, it is tried again this often (besides on reconnect). */
const RETRY_MS = 3000;

interface Queued {
  body: BatchBody;
  resolve(result: BatchResult): void;
  reject(error: unknown): void;
  done(): void;
  /** The batches of one action split into several requests: a refusal drops the rest. */
  group?: object;
}

/**
 * One request of a group was refused: the group's later requests were never sent, and
 * `committed` holds the answers of those before it (the caller takes them back).
 */
export class GroupRefusedError extends Error {
  constructor(readonly refusal: unknown, readonly committed: BatchResult[]) {
    super(refusal instanceof Error ? refusal.message : String(refusal));
  }
}

/**
 * The grid's batch requests (a cleared range, deleted rows, an undo of either), sent one at
 * a time in the order they were made. A request that cannot reach the server (offline, the
 * server restarting) is not dropped: it stays first in line, counted as pending for the
 * offline banner, and is sent again on reconnect or every few seconds, so nothing a person
 * did while offline is lost and nothing overtakes it. A refusal (403, a bad value) settles
 * at once: the caller reverts and says why.
 */
export class BatchQueue {
  private readonly queue: Queued[] = [];
  private sending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly send: (body: BatchBody) => Promise<BatchResult>, private readonly pending: PendingEdits) {}

  /** Resolves once the server committed the batch, however long that takes. */
  submit(body: BatchBody, cells: number): Promise<BatchResult> {
    return new Promise<BatchResult>((resolve, reject) => {
      this.queue.push({ body, resolve, reject, done: this.pending.begin(Math.max(1, cells)) });
      void this.pump();
    });
  }

  /**
   * One action too big for one request (a 10,000-row paste): its requests go out back to
   * back, in order (created rows keep the pasted order), and nothing queued after them
   * overtakes them. Resolves with every answer; if one is refused, the rest are dropped
   * and it rejects with GroupRefusedError naming what had committed.
   */
  async submitGroup(bodies: readonly BatchBody[], cells: (body: BatchBody) => number): Promise<BatchResult[]> {
    const group = {};
    const promises = bodies.map((body) => new Promise<BatchResult>((resolve, reject) => {
      this.queue.push({ body, resolve, reject, done: this.pending.begin(Math.max(1, cells(body))), group });
    }));
    void this.pump();
    const results: BatchResult[] = [];
    for (const promise of promises) {
      try {
        results.push(await promise);
      } catch (error) {
        // Later members were dropped unsent; let their promises settle quietly.
        for (const rest of promises) rest.catch(() => {});
        throw new GroupRefusedError(error, results);
      }
    }
    return results;
  }

  /** Resolves once every batch submitted so far has been answered. */
  settled(): Promise<void> {
    if (!this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Batches waiting for the server. */
  get waiting(): number {
    return this.queue.length;
  }

  /** The connection is back: send what waited, now. */
  retry(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.pump();
  }

  destroy(): void {
    clearTimeout(this.timer);
  }

  private dropGroup(group: object, error: unknown): void {
    for (const item of this.queue.filter((entry) => entry.group === group)) {
      item.done();
      item.reject(error);
    }
    const kept = this.queue.filter((entry) => entry.group !== group);
    this.queue.splice(0, this.queue.length, ...kept);
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length) {
        const item = this.queue[0]!;
        try {
          const result = await this.send(item.body);
          this.queue.shift();
          item.done();
          item.resolve(result);
        } catch (error) {
          if (error instanceof UnreachableError) {
            this.timer ??= setTimeout(() => this.retry(), RETRY_MS);
            return;
          }
          this.queue.shift();
          item.done();
          item.reject(error);
          if (item.group) this.dropGroup(item.group, error);
        }
      }
    } finally {
      this.sending = false;
      if (!this.queue.length) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
