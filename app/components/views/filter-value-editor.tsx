import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceNames } from '../../../core/filter/sort.ts';
import { ME_TOKEN } from '../../../core/filter/resolved.ts';
import type { CellContext } from '../fields/cell-kit.ts';
import type { GridField } from '../grid/types.ts';
import { DATE_OPERAND_MODES, MODES_WITH_DAYS, PERIODS, PERIODS_WITH_DAYS, type ValueEditor } from './filter-operators.ts';

export interface ValueEditorProps {
  editor: ValueEditor;
  field: GridField;
  value: unknown;
  onChange(value: unknown): void;
  cell: CellContext;
  disabled: boolean;
  /** Names the editor for screen readers ("Value"). */
  label: string;
}

type Obj = Record<string, unknown>;
const asObject = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The value part of a condition, shaped by its field type and operator (filter-operators.ts). */
export function FilterValueEditor({ editor, field, value, onChange, cell, disabled, label }: ValueEditorProps) {
  const { t } = useTranslation();
  switch (editor) {
    case 'none':
      return <span className="value-editor" />;
    case 'text':
      return (
        <span className="value-editor">
          <input type="text" aria-label={label} value={typeof value === 'string' ? value : ''} disabled={disabled} onChange={(event) => onChange(event.target.value)} />
        </span>
      );
    case 'texts':
      return <TextListInput label={label} value={asList(value)} disabled={disabled} onChange={onChange} />;
    case 'number':
      return (
        <span className="value-editor">
          <input
            type="number" step="any" aria-label={label} disabled={disabled}
            value={typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
            onChange={(event) => {
              const text = event.target.value;
              onChange(text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
            }}
          />
        </span>
      );
    case 'boolean':
      return (
        <span className="value-editor">
          <select aria-label={label} disabled={disabled} value={value === false ? 'false' : 'true'} onChange={(event) => onChange(event.target.value === 'true')}>
            <option value="true">{t('views.filter.checked')}</option>
            <option value="false">{t('views.filter.unchecked')}</option>
          </select>
        </span>
      );
    case 'date': {
      const operand = asObject(value);
      const mode = typeof operand.mode === 'string' ? operand.mode : 'exactDate';
      return (
        <span className="value-editor">
          <select
            aria-label={label} disabled={disabled} value={mode}
            onChange={(event) => {
              const next = event.target.value;
              onChange(next === 'exactDate' ? { mode: next, date: typeof operand.date === 'string' ? operand.date : '' } : MODES_WITH_DAYS.has(next) ? { mode: next, n: typeof operand.n === 'number' ? operand.n : 7 } : { mode: next });
            }}
          >
            {DATE_OPERAND_MODES.map((entry) => <option key={entry} value={entry}>{t(`views.dateModes.${entry}`)}</option>)}
          </select>
          {mode === 'exactDate' ? (
            <input type="date" aria-label={t('views.filter.date')} disabled={disabled} value={typeof operand.date === 'string' ? operand.date : ''} onChange={(event) => onChange({ mode, date: event.target.value })} />
          ) : null}
          {MODES_WITH_DAYS.has(mode) ? <DaysInput value={operand.n} disabled={disabled} onChange={(n) => onChange({ mode, n })} /> : null}
        </span>
      );
    }
    case 'period': {
      const operand = asObject(value);
      const period = typeof operand.period === 'string' ? operand.period : 'thisWeek';
      return (
        <span className="value-editor">
          <select
            aria-label={label} disabled={disabled} value={period}
            onChange={(event) => {
              const next = event.target.value;
              onChange(PERIODS_WITH_DAYS.has(next) ? { period: next, n: typeof operand.n === 'number' ? operand.n : 7 } : { period: next });
            }}
          >
            {PERIODS.map((entry) => <option key={entry} value={entry}>{t(`views.periods.${entry}`)}</option>)}
          </select>
          {PERIODS_WITH_DAYS.has(period) ? <DaysInput value={operand.n} disabled={disabled} onChange={(n) => onChange({ period, n })} /> : null}
        </span>
      );
    }
    case 'choice':
      return (
        <span className="value-editor">
          <select aria-label={label} disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)}>
            <option value="" disabled>{t('views.filter.choose')}</option>
            {choiceNames({ ...field, tableId: '' }).map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </span>
      );
    case 'choices':
      return <Picks label={label} disabled={disabled} options={choiceNames({ ...field, tableId: '' }).map((name) => ({ value: name, label: name }))} value={asList(value)} onChange={onChange} />;
    case 'user':
      return (
        <span className="value-editor">
          <select aria-label={label} disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)}>
            <option value="" disabled>{t('views.filter.choose')}</option>
            <option value={ME_TOKEN}>{t('views.filter.me')}</option>
            {cell.members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
          </select>
        </span>
      );
    case 'users':
      return (
        <Picks
          label={label} disabled={disabled} value={asList(value)} onChange={onChange}
          options={[{ value: ME_TOKEN, label: t('views.filter.me') }, ...cell.members.map((member) => ({ value: member.id, label: member.name }))]}
        />
      );
  }
}

function DaysInput({ value, disabled, onChange }: { value: unknown; disabled: boolean; onChange(n: number | undefined): void }) {
  const { t } = useTranslation();
  return (
    <input
      type="number" className="days" min={0} max={36500} step={1} aria-label={t('views.filter.days')} disabled={disabled}
      value={typeof value === 'number' ? String(value) : ''}
      onChange={(event) => {
        const n = Number(event.target.value);
        onChange(event.target.value !== '' && Number.isInteger(n) && n >= 0 && n <= 36500 ? n : undefined);
      }}
    />
  );
}

/** Several choices (select options, members) as toggles. */
function Picks({ label, options, value, onChange, disabled }: { label: string; options: Array<{ value: string; label: string }>; value: string[]; onChange(value: string[]): void; disabled: boolean }) {
  return (
    <span className="value-editor">
      <span className="choice-picks" role="group" aria-label={label}>
        {options.map((option) => (
          <label key={option.value} className="choice-pick">
            <input
              type="checkbox" disabled={disabled} checked={value.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((item) => item !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </span>
    </span>
  );
}

/** Several texts ("is any of" on a text field), typed comma-separated; the list is what is saved. */
function TextListInput({ label, value, onChange, disabled }: { label: string; value: string[]; onChange(value: string[]): void; disabled: boolean }) {
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    // Someone else changed the list: show theirs, unless it is what this text already says.
    setText((current) => (splitList(current).join('\u0000') === value.join('\u0000') ? current : value.join(', ')));
  }, [value]);
  return (
    <span className="value-editor">
      <input
        type="text" aria-label={label} disabled={disabled} value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(splitList(event.target.value));
        }}
      />
    </span>
  );
}

/** Commas (ASCII or Chinese) separate entries; blanks are dropped. */
function splitList(text: string): string[] {
  return text.split(/[,，]/).map((part) => part.trim()).filter((part) => part !== '');
}
