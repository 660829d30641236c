import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormConfig } from '../../../core/views/view-config.ts';
import { apiPath, apiRequest } from '../ui/api-client.ts';

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; error: unknown };

/** Typing pauses this long before a save: one PATCH per burst of keystrokes. */
const SAVE_DELAY_MS = 400;

/**
 * The form's config as the builder edits it. Changes show at once and are saved to the view
 * (PATCH …/views/:viewId `{form}`) shortly after, and at once when the builder closes. The
 * draft is this person's from mount on: the page keys the builder by view, so another
 * view starts afresh; two people editing one form at once — the last save wins.
 */
export function useFormDraft(tableId: string, viewId: string, initial: FormConfig | undefined, canEdit: boolean) {
  const [draft, setDraft] = useState<FormConfig>(() => initial ?? {});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<FormConfig | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const form = pending.current;
    if (!form) return;
    pending.current = null;
    setState({ kind: 'saving' });
    apiRequest(apiPath`/tables/${tableId}/views/${viewId}`, { method: 'PATCH', body: { form } }).then(
      () => setState(pending.current ? { kind: 'saving' } : { kind: 'saved' }),
      (error: unknown) => setState({ kind: 'error', error }),
    );
  }, [tableId, viewId]);

  const update = useCallback((change: (form: FormConfig) => FormConfig) => {
    if (!canEdit) return;
    setDraft((current) => {
      const next = change(current);
      pending.current = next;
      return next;
    });
    setState({ kind: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [canEdit, flush]);

  // Closing the builder (another view, another page) saves what is waiting.
  useEffect(() => flush, [flush]);
  return { draft, update, state };
}
