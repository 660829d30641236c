import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEW_TYPES, type ViewType } from '../../../core/views/view-config.ts';
import { Dialog, FormDialogFooter } from '../ui/dialog.tsx';
import { apiErrorText } from '../ui/api-error-text.ts';
import { ViewTypeIcon } from './view-type-icon.tsx';

/** What the "new view" dialog asks: a name, a type, and who sees it. */
export interface NewViewChoice {
  name: string;
  type: ViewType;
  personal: boolean;
}

/** Runs a request for a dialog: busy while it runs, the server's reason when it fails. */
function useSubmit<T>(run: (value: T) => Promise<void>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (value: T) => {
    setBusy(true);
    setError(null);
    try {
      await run(value);
    } catch (failure) {
      setError(t('views.list.failed', { message: apiErrorText(t, failure) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

export function CreateViewDialog({ open, mayShare, onClose, onCreate }: {
  open: boolean;
  /** Editors may create collaborative views; everyone else only personal ones. */
  mayShare: boolean;
  onClose(): void;
  onCreate(choice: NewViewChoice): Promise<void>;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<ViewType>('grid');
  const [name, setName] = useState('');
  const [personal, setPersonal] = useState(!mayShare);
  const { busy, error, setError, submit } = useSubmit(onCreate);
  useEffect(() => {
    if (!open) return;
    setType('grid');
    setName('');
    setPersonal(!mayShare);
    setError(null);
  }, [open, mayShare, setError]);
  const typeName = t(`views.list.types.${type}`);
  const fallbackName = t('views.list.defaultName', { type: typeName });
  return (
    <Dialog
      open={open} onClose={onClose} title={t('views.list.createTitle')} busy={busy} closeLabel={t('views.list.close')}
      footer={<FormDialogFooter formId="create-view-form" onCancel={onClose} cancelLabel={t('views.list.cancel')} submitLabel={t('views.list.submitCreate')} busy={busy} />}
    >
      <form
        id="create-view-form" className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit({ name: name.trim() || fallbackName, type, personal: personal || !mayShare });
        }}
      >
        <div className="field">
          <label htmlFor="new-view-name">{t('views.list.name')}</label>
          <input id="new-view-name" data-autofocus value={name} maxLength={100} placeholder={fallbackName} onChange={(event) => setName(event.target.value)} />
        </div>
        <fieldset className="view-type-choices">
          <legend className="visually-hidden">{t('views.list.type')}</legend>
          {VIEW_TYPES.map((entry) => (
            <label key={entry}>
              <input type="radio" name="view-type" value={entry} checked={type === entry} onChange={() => setType(entry)} />
              <ViewTypeIcon type={entry} />
              {t(`views.list.types.${entry}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="view-who">
          <legend className="small">{t('views.list.who')}</legend>
          <label>
            <input type="radio" name="view-who" checked={!personal && mayShare} disabled={!mayShare} onChange={() => setPersonal(false)} />
            {t('views.list.collaborative')}
          </label>
          <label>
            <input type="radio" name="view-who" checked={personal || !mayShare} onChange={() => setPersonal(true)} />
            {t('views.list.personal')}
          </label>
          {mayShare ? null : <p className="hint">{t('views.list.personalOnly')}</p>}
        </fieldset>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}

export function RenameViewDialog({ open, current, onClose, onRename }: { open: boolean; current: string; onClose(): void; onRename(name: string): Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(current);
  const { busy, error, setError, submit } = useSubmit(onRename);
  useEffect(() => {
    if (!open) return;
    setName(current);
    setError(null);
  }, [open, current, setError]);
  return (
    <Dialog
      open={open} onClose={onClose} title={t('views.list.renameTitle')} busy={busy} closeLabel={t('views.list.close')}
      footer={<FormDialogFooter formId="rename-view-form" onCancel={onClose} cancelLabel={t('views.list.cancel')} submitLabel={t('views.list.submitRename')} busy={busy} />}
    >
      <form
        id="rename-view-form" className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return setError(t('views.list.nameRequired'));
          void submit(name.trim());
        }}
      >
        <div className="field">
          <label htmlFor="rename-view-name">{t('views.list.name')}</label>
          <input id="rename-view-name" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} aria-invalid={error ? true : undefined} />
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}

export function DeleteViewDialog({ open, name, onClose, onDelete }: { open: boolean; name: string; onClose(): void; onDelete(): Promise<void> }) {
  const { t } = useTranslation();
  const { busy, error, setError, submit } = useSubmit(onDelete);
  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);
  return (
    <Dialog
      open={open} onClose={onClose} title={t('views.list.deleteTitle')} busy={busy} closeLabel={t('views.list.close')}
      footer={(
        <>
          <button type="button" className="button ghost" onClick={onClose} disabled={busy}>{t('views.list.cancel')}</button>
          <button type="button" className="button danger-solid" onClick={() => void submit(undefined)} disabled={busy}>{t('views.list.delete')}</button>
        </>
      )}
    >
      <p>{t('views.list.confirmDelete', { name })}</p>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </Dialog>
  );
}
