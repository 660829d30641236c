import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { RecordDocSource } from './record-doc-source.ts';

export interface RecordDocState {
  /** The doc's field map once it has synced with the server; null before (read-only until then). */
  fields: Y.Map<unknown> | null;
  /** Bumped on every change of the doc, so components re-read values. */
  version: number;
  /** Refused edits by field id, with the server's message. */
  rejections: Readonly<Record<string, string>>;
  clearRejection(fieldId: string): void;
}

/**
 * Holds a record's doc while the panel shows the record. Edits wait for the first sync:
 * one made before it would be concurrent with the server's state and could lose to it.
 */
export function useRecordDoc(source: RecordDocSource, recordId: string): RecordDocState {
  const [fields, setFields] = useState<Y.Map<unknown> | null>(null);
  const [version, setVersion] = useState(0);
  const [rejections, setRejections] = useState<Record<string, string>>({});

  useEffect(() => {
    let alive = true;
    setFields(null);
    setRejections({});
    const lease = source.acquire(recordId, {
      onRejected: (fieldId, message) => { if (alive) setRejections((current) => ({ ...current, [fieldId]: message })); },
    });
    const { handle } = lease;
    const bump = () => { if (alive) setVersion((n) => n + 1); };
    handle.fields.observeDeep(bump);
    void handle.synced().then(() => { if (alive) setFields(handle.fields); });
    return () => {
      alive = false;
      handle.fields.unobserveDeep(bump);
      lease.release();
    };
  }, [source, recordId]);

  return {
    fields,
    version,
    rejections,
    clearRejection: (fieldId) => setRejections(({ [fieldId]: _dropped, ...rest }) => rest),
  };
}
