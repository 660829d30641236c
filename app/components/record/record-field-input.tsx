import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { attachmentUrl, type Attachment } from '../../../core/fields/index.ts';
import { choicesOf } from '../schema/choice-list.ts';
import { displayValue } from '../schema/format-value.ts';
import type { FieldJson, Member } from '../schema/types.ts';
import { CollaborativeTextarea } from './collaborative-textarea.tsx';
import { dateInput, editorKind, editText, parseInput, writeValue } from './record-values.ts';

export interface RecordFieldInputProps {
  id: string;
  field: FieldJson;
  value: unknown;
  /** The synced doc's field map; null while connecting (inputs are read-only until then). */
  doc: Y.Map<unknown> | null;
  canEdit: boolean;
  locale: string;
  timeZone: string;
  members: readonly Member[];
  describedBy?: string;
  /** A value the field type refused (null clears). */
  onInvalid(message: string | null): void;
}

/**
 * One field's editor in the record panel, by value kind. Simple native inputs on purpose:
 * the grid's cell editors are richer; this panel is for reading a whole record and
 * changing a few values. Long text binds to the doc's Y.Text for live co-editing.
 */
export function RecordFieldInput(props: RecordFieldInputProps) {
  const { field, value, doc, canEdit, id, describedBy } = props;
  const { t } = useTranslation();
  const kind = editorKind(field);
  const editable = canEdit && doc !== null && kind !== 'readOnly';
  /** Writes the value if the type accepts it; false (and the reason shown) if not. */
  const commit = (next: unknown): boolean => {
    if (!doc) return false;
    const parsed = parseInput(field, next, props.timeZone);
    if (!parsed.ok) {
      props.onInvalid(parsed.error);
      return false;
    }
    props.onInvalid(null);
    writeValue(doc, field.id, parsed.value);
    return true;
  };
  const shown = displayValue(field, value, { locale: props.locale, timeZone: props.timeZone, userName: (userId) => props.members.find((m) => m.id === userId)?.name });

  if (kind === 'text' && doc?.get(field.id) instanceof Y.Text) {
    return <CollaborativeTextarea id={id} fields={doc} fieldId={field.id} readOnly={!editable} describedBy={describedBy} />;
  }
  if (!editable && kind !== 'boolean') {
    if (kind === 'attachment') return <AttachmentList id={id} value={value} />;
    return <output id={id} className={`record-value${shown ? '' : ' muted'}`} aria-describedby={describedBy}>{shown || t('record.noValue')}</output>;
  }
  const common = { id, 'aria-describedby': describedBy };
  switch (kind) {
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} disabled={!editable} onChange={(event) => commit(event.target.checked)} />;
    case 'date': {
      const input = dateInput(field, value, props.timeZone);
      return <input {...common} type={input.type} defaultValue={input.value} key={input.value} onBlur={(event) => event.target.value !== input.value && commit(event.target.value)} />;
    }
    case 'select':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => commit(event.target.value || null)}>
          <option value="">{t('record.noValue')}</option>
          {choicesOf(field.options).map((choice) => <option key={choice.id} value={choice.name}>{choice.name}</option>)}
          {typeof value === 'string' && value && !choicesOf(field.options).some((c) => c.name === value) ? <option value={value}>{value}</option> : null}
        </select>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset {...common} className="record-multi">
          {choicesOf(field.options).map((choice) => (
            <label key={choice.id} className={`chip chip-${choice.color}`}>
              <input
                type="checkbox"
                checked={chosen.includes(choice.name)}
                onChange={(event) => commit(event.target.checked ? [...chosen, choice.name] : chosen.filter((name) => name !== choice.name))}
              />
              {choice.name}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'user':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => commit(event.target.value || null)}>
          <option value="">{t('record.noValue')}</option>
          {props.members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
        </select>
      );
    case 'attachment':
      return <AttachmentList id={id} value={value} />;
    default:
      return <DraftInput {...props} initial={editText(field, value, props.locale, props.timeZone)} onCommit={commit} />;
  }
}

/** A text or number input that writes on Enter or leaving it, and Esc puts back. */
function DraftInput({ id, describedBy, initial, onCommit, onInvalid }: RecordFieldInputProps & { initial: string; onCommit(text: string): boolean }) {
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(false);
  // Someone else changed the value: show it, unless this person is typing over it.
  useEffect(() => { if (!dirty) setDraft(initial); }, [initial, dirty]);
  // A refused value stays in the input, marked, for the person to fix or undo with Esc.
  const commit = () => {
    if (!dirty) return;
    if (draft === initial || onCommit(draft)) setDirty(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) commit();
    if (event.key === 'Escape' && dirty) {
      event.stopPropagation(); // the first Esc undoes the edit; the next closes the panel
      setDraft(initial);
      setDirty(false);
      onInvalid(null);
    }
  };
  return (
    <input
      id={id}
      aria-describedby={describedBy}
      value={draft}
      autoComplete="off"
      aria-invalid={describedBy ? true : undefined}
      onChange={(event) => { setDraft(event.target.value); setDirty(true); }}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

function AttachmentList({ id, value }: { id: string; value: unknown }) {
  const { t } = useTranslation();
  const files = Array.isArray(value) ? (value as Attachment[]) : [];
  if (!files.length) return <output id={id} className="record-value muted">{t('record.noAttachments')}</output>;
  return (
    <ul id={id} className="record-files">
      {files.map((file) => <li key={file.id}><a href={file.url || attachmentUrl(file.id)} target="_blank" rel="noreferrer">{file.filename}</a></li>)}
    </ul>
  );
}
