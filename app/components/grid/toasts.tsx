import { useTranslation } from 'react-i18next';
import { createStore, useStore, type Store } from './store.ts';
import type { CellRef } from './types.ts';

export interface Toast {
  id: number;
  message: string;
  kind: 'error' | 'info';
  cell?: CellRef;
}

const SHOW_MS = 6000;

/** Messages for the person at the grid; an error about a cell also marks the cell. */
export class Toasts {
  readonly store: Store<readonly Toast[]> = createStore<readonly Toast[]>([]);
  private next = 1;

  show(message: string, options: { kind?: Toast['kind']; cell?: CellRef } = {}): void {
    const toast: Toast = { id: this.next++, message, kind: options.kind ?? 'error', cell: options.cell };
    this.store.set((list) => [...list.slice(-3), toast]);
    setTimeout(() => this.dismiss(toast.id), SHOW_MS);
  }

  dismiss(id: number): void {
    this.store.set((list) => list.filter((toast) => toast.id !== id));
  }
}

/** The error on one cell, if any (a selector for CellFrame). */
export function cellErrorOf(list: readonly Toast[], recordId: string | undefined, fieldId: string): string | undefined {
  if (!recordId) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const toast = list[i]!;
    if (toast.cell?.recordId === recordId && toast.cell.fieldId === fieldId) return toast.message;
  }
  return undefined;
}

export function ToastRegion({ toasts }: { toasts: Toasts }) {
  const { t } = useTranslation();
  const list = useStore(toasts.store, (value) => value);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
          <span>{toast.message}</span>
          <button type="button" className="icon-button" aria-label={t('grid.dismiss')} onClick={() => toasts.dismiss(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
