import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabClient } from '../../../collab/client/index.ts';
import { FieldIcon, fieldKits } from '../fields/index.ts';
import { storedTypeOf } from '../schema/field-type-meta.ts';
import { displayValue } from '../schema/format-value.ts';
import { canEditRecords, type BaseRole, type FieldJson, type Member } from '../schema/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { fetchRecord } from './record-api.ts';
import { docSourceFromClient, type RecordDocSource } from './record-doc-source.ts';
import { RecordFieldInput } from './record-field-input.tsx';
import { RecordHistory } from './record-history.tsx';
import { currentValue, editorKind } from './record-values.ts';
import { useRecordDoc } from './use-record-doc.ts';
import './record-panel.css';

export interface RecordPanelProps {
  tableId: string;
  /** The API's record id, `rec123`. */
  recordId: string;
  /** The fields to list, in the order to list them (the view's order, hidden ones too). */
  fields: readonly FieldJson[];
  primaryFieldId: string | null;
  members: readonly Member[];
  role: BaseRole;
  collab: CollabClient;
  /** The base's IANA zone. */
  timeZone: string;
  /** The row's values by field id if the grid has them (kept current by its patches); else fetched. */
  values?: Readonly<Record<string, unknown>>;
  /** Lend the grid's doc of this record (see record-doc-source.ts); must be a stable object. */
  docSource?: RecordDocSource;
  onClose(): void;
}

type Tab = 'fields' | 'history';

/**
 * An expanded record beside the grid: every field with an editor, and its history. A
 * non-modal dialog (the grid stays usable); Esc closes it and focus goes back where it was.
 */
export function RecordPanel(props: RecordPanelProps) {
  const { tableId, recordId, fields, primaryFieldId, members, role, collab, timeZone, onClose } = props;
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const baseId = useId();
  const panel = useRef<HTMLElement>(null);
  const [tab, setTab] = useState<Tab>('fields');
  const ownSource = useMemo(() => docSourceFromClient(collab, tableId), [collab, tableId]);
  const doc = useRecordDoc(props.docSource ?? ownSource, recordId);
  const [fetched, setFetched] = useState<Record<string, unknown> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});

  useEffect(() => {
    if (props.values) return;
    const controller = new AbortController();
    fetchRecord(tableId, recordId, controller.signal).then(
      (record) => setFetched(record.fields),
      (error: unknown) => { if (!controller.signal.aborted) setLoadError(apiErrorText(t, error)); },
    );
    return () => controller.abort();
  }, [tableId, recordId, props.values, t]);

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => { if (returnTo?.isConnected) returnTo.focus(); };
  }, [recordId]);

  const values = props.values ?? fetched ?? {};
  const env = { locale: i18n.language, timeZone, userName: (id: string) => members.find((member) => member.id === id)?.name };
  const primary = fields.find((field) => field.id === primaryFieldId);
  const title = (primary && displayValue(primary, currentValue(primary, values, doc.fields), env)) || t('record.untitled');
  const canEdit = canEditRecords(role);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.stopPropagation();
      onClose();
    }
  };
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Tab = tab === 'fields' ? 'history' : 'fields';
    setTab(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <aside ref={panel} className="record-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="record-panel-header">
        <h2 id={titleId} aria-label={t('record.panelLabel', { name: title })}>{title}</h2>
        <button type="button" className="ui-icon-button" onClick={onClose} aria-label={t('record.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div role="tablist" className="record-tabs" onKeyDown={onTabKey}>
        {(['fields', 'history'] as const).map((name) => (
          <button
            key={name}
            id={`${baseId}-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`record.tabs.${name}`)}
          </button>
        ))}
      </div>

      <div id={`${baseId}-panel-fields`} role="tabpanel" aria-labelledby={`${baseId}-tab-fields`} hidden={tab !== 'fields'} className="record-fields">
        {loadError ? <p className="form-error" role="alert">{t('record.loadFailed')} {loadError}</p> : null}
        {!canEdit ? <p className="muted small">{t('record.viewOnly')}</p> : doc.fields ? null : <p className="muted small" role="status">{t('record.connecting')}</p>}
        {fields.map((field) => {
          const inputId = `${baseId}-${field.id}`;
          const refused = invalid[field.id];
          const rejected = doc.rejections[field.id];
          const message = refused ? t('record.invalidValue', { message: refused }) : rejected ? t('record.rejected', { message: rejected }) : null;
          const type = storedTypeOf(field.type);
          return (
            <div key={field.id} className="record-field">
              <label htmlFor={inputId} className="record-field-label">
                {type ? <FieldIcon name={fieldKits[type].icon} /> : null}
                <span>{field.name}</span>
                {editorKind(field) === 'readOnly' ? <span className="muted small">· {t('record.readOnly')}</span> : null}
              </label>
              {field.description ? <p className="hint">{field.description}</p> : null}
              <RecordFieldInput
                id={inputId}
                field={field}
                value={currentValue(field, values, doc.fields)}
                doc={doc.fields}
                canEdit={canEdit}
                locale={i18n.language}
                timeZone={timeZone}
                members={members}
                describedBy={message ? `${inputId}-error` : undefined}
                onInvalid={(error) => {
                  doc.clearRejection(field.id);
                  setInvalid(({ [field.id]: _old, ...rest }) => (error ? { ...rest, [field.id]: error } : rest));
                }}
              />
              {message ? <p id={`${inputId}-error`} className="field-error" role="alert">{message}</p> : null}
            </div>
          );
        })}
      </div>

      <div id={`${baseId}-panel-history`} role="tabpanel" aria-labelledby={`${baseId}-tab-history`} hidden={tab !== 'history'}>
        {tab === 'history' ? (
          <RecordHistory tableId={tableId} recordId={recordId} fields={fields} members={members} timeZone={timeZone} changeKey={doc.version} />
        ) : null}
      </div>
    </aside>
  );
}
