import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { announceImportFinished } from '../import/import-session.ts';
import type { ImportJob, ImportTarget } from '../import/import-types.ts';
import { ImportWizard } from '../import/import-wizard.tsx';
import { usePendingImport } from '../import/use-pending-import.ts';
import { Dialog, FormDialogFooter } from '../ui/dialog.tsx';
import { apiErrorText } from '../ui/api-error-text.ts';
import { nameProblem, normalizeName } from './names.ts';
import { createTable } from './schema-api.ts';
import type { TableJson } from './types.ts';
import './schema.css';

export interface CreateTableDialogProps {
  open: boolean;
  baseId: string;
  /** The base's tables, so a taken name is caught before the round trip. */
  tables?: ReadonlyArray<{ id: string; name: string }>;
  /** The table exists (with its "Name" field and grid view); navigate to it. */
  onCreated(table: TableJson): void;
  onClose(): void;
}

/**
 * Names a new table and creates it (POST /api/v1/bases/:baseId/tables), or hands over to the
 * import wizard to make tables from a file. It is on every table page, so it also reopens an
 * import the person was watching before a reload (`?import=<id>`), whichever table it goes to.
 */
export function CreateTableDialog(props: CreateTableDialogProps) {
  const navigate = useNavigate();
  const [importing, setImporting] = useState<{ jobId: string | null; target: ImportTarget } | null>(null);
  usePendingImport(props.baseId, (pending) => setImporting({
    jobId: pending.id,
    // The progress needs no fields: the mapping was made before the reload.
    target: pending.tableId ? { kind: 'existing', tableId: pending.tableId, fields: [], canCreateFields: false } : { kind: 'new' },
  }));

  const finished = (job: ImportJob, fresh: boolean) => {
    if (job.status !== 'done') return;
    const target = importing?.target;
    if (target?.kind === 'existing') announceImportFinished([target.tableId]);
    // Into new tables: show the first; the summary stays open above it (this page stays
    // mounted). An old result shown again on a later visit only links to its tables.
    else if (job.tables[0] && fresh) navigate(`/bases/${props.baseId}/tables/${job.tables[0].id}`);
  };

  return (
    <>
      {props.open ? <CreateTable {...props} onImport={() => { props.onClose(); setImporting({ jobId: null, target: { kind: 'new' } }); }} /> : null}
      {importing ? (
        <ImportWizard
          key={importing.jobId ?? 'new'}
          baseId={props.baseId}
          target={importing.target}
          jobId={importing.jobId}
          onClose={() => setImporting(null)}
          onFinished={finished}
        />
      ) : null}
    </>
  );
}

function CreateTable({ baseId, tables = [], onCreated, onClose, onImport }: CreateTableDialogProps & { onImport(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const problem = nameProblem(name, tables);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem || busy) return;
    const controller = new AbortController();
    aborter.current = controller;
    setBusy(true);
    setError(null);
    try {
      const table = await createTable(baseId, normalizeName(name), controller.signal);
      onCreated(table);
      onClose();
    } catch (caught) {
      if (!controller.signal.aborted) setError(apiErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={() => { aborter.current?.abort(); onClose(); }}
      title={t('schema.createTable.title')}
      description={t('schema.createTable.description')}
      busy={busy}
      closeLabel={t('ui.close')}
      footer={
        <FormDialogFooter
          formId={`${id}-form`} onCancel={onClose} cancelLabel={t('ui.cancel')} busy={busy}
          submitLabel={busy ? t('schema.createTable.submitting') : t('schema.createTable.submit')}
        />
      }
    >
      <form id={`${id}-form`} className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('schema.createTable.nameLabel')}</label>
          <input
            id={id}
            value={name}
            autoFocus
            autoComplete="off"
            maxLength={120}
            placeholder={t('schema.createTable.namePlaceholder')}
            aria-invalid={touched && problem ? true : undefined}
            aria-describedby={touched && problem ? `${id}-error` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {touched && problem ? <p id={`${id}-error`} className="field-error">{t(`schema.nameProblems.${problem}`)}</p> : null}
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <p className="create-table-import">
          <span className="muted small">{t('imports.orFromFile')}</span>{' '}
          <button type="button" className="button" onClick={onImport} disabled={busy}>{t('imports.importFile')}</button>
        </p>
      </form>
    </Dialog>
  );
}
