import type { AccessChanged } from './access-change.ts';
import type { RecordBatchCommitted, SchemaChanged } from './record-change.ts';

interface EventMap {
  /** After a write-path transaction commits; listeners must not throw into the writer. */
  records: RecordBatchCommitted;
  /** After a schema change commits. */
  schema: SchemaChanged;
  /** After a membership change or a revocation of sessions or tokens commits. */
  access: AccessChanged;
}

type Listener<T> = (event: T) => void;

/** The typed in-process notification that follows every commit. */
export class EventBus {
  private readonly listeners: { [K in keyof EventMap]: Set<Listener<EventMap[K]>> } = {
    records: new Set(),
    schema: new Set(),
    access: new Set(),
  };

  on<K extends keyof EventMap>(name: K, listener: Listener<EventMap[K]>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  emit<K extends keyof EventMap>(name: K, event: EventMap[K]): void {
    for (const listener of this.listeners[name]) {
      try {
        listener(event);
      } catch (error) {
        // A failing consumer must not undo or hide a committed change; it is reported.
        console.error(`listener of "${name}" failed`, error);
      }
    }
  }
}
