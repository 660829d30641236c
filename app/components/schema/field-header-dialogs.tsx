import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, FormDialogFooter } from '../ui/dialog.tsx';
import { apiErrorText } from '../ui/api-error-text.ts';
import { nameProblem, normalizeName } from './names.ts';
import type { FieldJson } from './types.ts';

/** Runs a callback that may return a promise, with busy and error states for a dialog. */
function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void> | void, then: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      then();
    } catch (caught) {
      setError(apiErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function RenameFieldDialog({ field, fields, onRename, onClose }: {
  field: FieldJson;
  fields: readonly FieldJson[];
  onRename(name: string): Promise<void> | void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(field.name);
  const { busy, error, run } = useAction();
  const problem = nameProblem(name, fields, field.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    const next = normalizeName(name);
    if (next === field.name) return onClose();
    void run(() => onRename(next), onClose);
  };
  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={t('schema.headerMenu.renameTitle')}
      closeLabel={t('ui.close')}
      footer={
        <FormDialogFooter
          formId={`${id}-form`} onCancel={onClose} cancelLabel={t('ui.cancel')} busy={busy} submitDisabled={problem !== undefined}
          submitLabel={busy ? t('schema.headerMenu.working') : t('schema.headerMenu.renameSubmit')}
        />
      }
    >
      <form id={`${id}-form`} className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('schema.fieldEditor.nameLabel')}</label>
          <input
            id={id}
            value={name}
            autoFocus
            autoComplete="off"
            maxLength={120}
            onFocus={(event) => event.target.select()}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {problem ? <p id={`${id}-error`} className="field-error">{t(`schema.nameProblems.${problem}`)}</p> : null}
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}

export function DeleteFieldDialog({ field, onDelete, onClose }: { field: FieldJson; onDelete(): Promise<void> | void; onClose(): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={t('schema.headerMenu.deleteTitle', { name: field.name })}
      closeLabel={t('ui.close')}
      footer={
        <>
          {/* Cancel first and focused: the safe choice is the default one. */}
          <button type="button" className="button ghost" onClick={onClose} disabled={busy} autoFocus>{t('ui.cancel')}</button>
          <button type="button" className="button danger-solid" disabled={busy} onClick={() => void run(onDelete, onClose)}>
            {busy ? t('schema.headerMenu.working') : t('schema.headerMenu.deleteConfirm')}
          </button>
        </>
      }
    >
      <p>{t('schema.headerMenu.deleteBody')}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </Dialog>
  );
}
