import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewConfig } from '../../../core/views/view-config.ts';
import type { GridField, GridView } from '../grid/types.ts';
import { Popover } from '../views/popover.tsx';

export const STACK_TYPES = ['singleSelect', 'user'] as const;
export const SUM_TYPES = ['number', 'currency', 'percent', 'rating'] as const;
export const DATE_TYPES = ['date', 'createdTime', 'lastModifiedTime'] as const;

const ofTypes = (fields: readonly GridField[], types: readonly string[]) => fields.filter((field) => types.includes(field.type));

interface SettingsProps {
  kind: 'kanban' | 'calendar' | 'gallery';
  fields: readonly GridField[];
  primaryFieldId: string | null;
  view: GridView;
  readOnly: boolean;
  onPatch(patch: Partial<ViewConfig>): void;
}

/** The toolbar's "Customize cards" button and its panel: what places the cards and what they show. */
export function BoardSettingsButton(props: SettingsProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button ref={button} type="button" className="button ghost toolbar-button board-settings-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('boards.settings')}
      </button>
      <Popover open={open} anchor={button.current} label={t('boards.settingsTitle')} onClose={() => setOpen(false)} className="board-settings">
        <BoardSettings {...props} />
      </Popover>
    </>
  );
}

function FieldSelect({ label, value, options, allowNone, disabled, onChange }: {
  label: string; value: string | undefined; options: readonly GridField[]; allowNone: boolean; disabled: boolean; onChange(id: string | undefined): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="board-settings-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(event) => onChange(event.target.value || undefined)}>
        {allowNone || !value ? <option value="">{t('boards.none')}</option> : null}
        {options.map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
      </select>
    </div>
  );
}

function BoardSettings({ kind, fields, primaryFieldId, view, readOnly, onPatch }: SettingsProps) {
  const { t } = useTranslation();
  const shown = new Set(view.cardFields ?? []);
  const toggle = (fieldId: string, on: boolean) => {
    const next = fields.filter((field) => (field.id === fieldId ? on : shown.has(field.id))).map((field) => field.id);
    onPatch({ cardFields: next });
  };
  return (
    <div className="board-settings-body">
      {kind === 'kanban' ? (
        <>
          <FieldSelect label={t('boards.stackField')} value={view.stackField} options={ofTypes(fields, STACK_TYPES)} allowNone={false} disabled={readOnly} onChange={(id) => id && onPatch({ stackField: id })} />
          <FieldSelect label={t('boards.sumField')} value={view.sumField} options={ofTypes(fields, SUM_TYPES)} allowNone disabled={readOnly} onChange={(id) => onPatch({ sumField: id ?? '' })} />
          <label className="board-settings-check">
            <input type="checkbox" checked={view.hideEmptyStacks ?? false} disabled={readOnly} onChange={(event) => onPatch({ hideEmptyStacks: event.target.checked })} />
            {t('boards.hideEmptyStacks')}
          </label>
        </>
      ) : null}
      {kind === 'calendar' ? (
        <FieldSelect label={t('boards.dateField')} value={view.dateField} options={ofTypes(fields, DATE_TYPES)} allowNone={false} disabled={readOnly} onChange={(id) => id && onPatch({ dateField: id })} />
      ) : null}
      {kind !== 'calendar' ? (
        <FieldSelect label={t('boards.coverField')} value={view.coverField} options={ofTypes(fields, ['attachment'])} allowNone disabled={readOnly} onChange={(id) => onPatch({ coverField: id ?? '' })} />
      ) : null}
      <fieldset className="board-settings-fields" disabled={readOnly}>
        <legend>{t('boards.cardFields')}</legend>
        {fields.filter((field) => field.id !== primaryFieldId).map((field) => (
          <label key={field.id} className="board-settings-check">
            <input type="checkbox" checked={shown.has(field.id)} onChange={(event) => toggle(field.id, event.target.checked)} />
            {field.name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
