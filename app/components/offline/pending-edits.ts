/**
 * Edits the grid has sent but the server has not confirmed: batch requests (paste, fill,
 * delete many) that go over HTTP instead of a record doc. Yjs counts doc edits itself; this
 * store counts the rest, so the offline banner can say how many changes are waiting.
 * One per page, created by the grid (no module-level state).
 */
export class PendingEdits {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  get pending(): number {
    return this.count;
  }

  /** `n` edits are waiting; call the returned function once when they are saved or given up. */
  begin(n = 1): () => void {
    this.change(n);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.change(-n);
    };
  }

  /** Counts `n` edits as waiting while `request` runs. */
  async track<T>(request: Promise<T>, n = 1): Promise<T> {
    const end = this.begin(n);
    try {
      return await request;
    } finally {
      end();
    }
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): number => this.count;

  private change(delta: number): void {
    this.count = Math.max(0, this.count + delta);
    for (const listener of this.listeners) listener();
  }
}
