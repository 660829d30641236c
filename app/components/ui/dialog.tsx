import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ui.css';

export interface DialogProps {
  open: boolean;
  /** Esc, the backdrop and the close button ask for this; the parent decides. */
  onClose(): void;
  title: string;
  description?: string;
  children: ReactNode;
  /** Buttons, right-aligned under the body. */
  footer?: ReactNode;
  size?: 'normal' | 'wide';
  /** While a request runs, Esc and the backdrop do not close (the answer would be lost). */
  busy?: boolean;
  closeLabel: string;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page
 * inert (the focus trap), puts it in the top layer above the grid, and sends Esc as a
 * `cancel` event. Focus goes back to what had it before, as WAI-ARIA asks.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'normal', busy = false, closeLabel }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Read in native event handlers, which must not go stale between renders.
  const latest = useRef({ onClose, busy, open });
  latest.current = { onClose, busy, open };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Only if focus is lost with the dialog: a parent that moved it elsewhere meant to.
      if (returnTo?.isConnected && (document.activeElement === document.body || document.activeElement === null)) returnTo.focus();
    };
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!latest.current.busy) latest.current.onClose();
    };
    // Chromium may force-close after repeated Esc presses it was told to ignore. The event
    // is async: a dialog reopened since (StrictMode remounts close and reopen) stays open.
    const onNativeClose = () => {
      if (!dialog.open && latest.current.open) latest.current.onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
    };
  }, []);

  // A press that starts and ends on the backdrop (the dialog box itself, outside its panel).
  const pressedBackdrop = useRef(false);
  if (!open) return <dialog ref={ref} className="ui-dialog" aria-labelledby={titleId} />;
  return (
    <dialog
      ref={ref}
      className={`ui-dialog ${size === 'wide' ? 'wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-busy={busy || undefined}
      onMouseDown={(event) => { pressedBackdrop.current = event.target === event.currentTarget; }}
      onMouseUp={(event) => {
        if (pressedBackdrop.current && event.target === event.currentTarget && !busy) onClose();
        pressedBackdrop.current = false;
      }}
    >
      <div className="ui-dialog-panel">
        <header className="ui-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ui-icon-button" onClick={onClose} disabled={busy} aria-label={closeLabel}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {description ? <p id={descriptionId} className="muted small ui-dialog-description">{description}</p> : null}
        <div className="ui-dialog-body">{children}</div>
        {footer ? <footer className="ui-dialog-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}

/** The usual footer of a dialog around a form: Cancel, and the form's submit button. */
export function FormDialogFooter({ formId, onCancel, cancelLabel, submitLabel, busy, submitDisabled = false }: {
  formId: string;
  onCancel(): void;
  cancelLabel: string;
  submitLabel: string;
  busy: boolean;
  submitDisabled?: boolean;
}) {
  return (
    <>
      <button type="button" className="button ghost" onClick={onCancel} disabled={busy}>{cancelLabel}</button>
      <button type="submit" form={formId} className="button primary" disabled={busy || submitDisabled}>{submitLabel}</button>
    </>
  );
}
