import { useEffect, useRef } from 'react';
import { readPendingImport, type RememberedImport } from './import-session.ts';

/**
 * On a page load, the import this person was watching in this base (URL `?import=`, else
 * localStorage), so its progress or its result shows again. Runs once per base.
 */
export function usePendingImport(baseId: string, reopen: (pending: RememberedImport) => void): void {
  const latest = useRef(reopen);
  latest.current = reopen;
  useEffect(() => {
    const pending = readPendingImport(baseId);
    if (pending) latest.current(pending);
  }, [baseId]);
}
