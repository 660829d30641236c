import { useId, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMATS, requireFieldType, TIME_FORMATS, type StoredTypeName } from '../../../core/fields/index.ts';
import type { ChoiceProblem } from './choice-list.ts';
import { choicesOf } from './choice-list.ts';
import { ChoiceListEditor } from './choice-list-editor.tsx';
import { isOptionalOption, type OptionKey } from './field-options.ts';

export interface OptionEditorProps {
  type: StoredTypeName;
  options: Record<string, unknown>;
  /** `undefined` unsets an optional option. */
  onChange(key: OptionKey, value: unknown): void;
  locale: string;
  /** The base's zone: examples show in it, and "the base's zone" names it. */
  timeZone: string;
  choiceProblems?: ReadonlyMap<string, ChoiceProblem>;
}

// What the examples format: 5 January 2024, 14:30 in Shanghai; a number with decimals to cut.
const SAMPLE_INSTANT = '2024-01-05T06:30:00.000Z';
const SAMPLE_NUMBER = 1.5678;
const CURRENCY_SYMBOLS = ['¥', '$', '€', '£', 'HK$', 'NT$', 'S$', 'A$', '₩', '₹', 'RM', '฿'];
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'];

/** An example through the type's own format, with one option changed. */
function example(props: OptionEditorProps, value: unknown, change: Record<string, unknown>): string {
  const fieldType = requireFieldType(props.type);
  const options = fieldType.options.safeParse({ ...props.options, ...change });
  if (!options.success) return '';
  return fieldType.format(value, options.data, { locale: props.locale, timeZone: props.timeZone });
}

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function ChoicesEditor({ options, onChange, choiceProblems }: OptionEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <fieldset className="option-group">
      <legend id={labelId}>{t('schema.options.choices')}</legend>
      <ChoiceListEditor labelId={labelId} choices={choicesOf(options)} problems={choiceProblems} onChange={(choices) => onChange('choices', choices)} />
    </fieldset>
  );
}

function PrecisionEditor(props: OptionEditorProps) {
  const { t } = useTranslation();
  const optional = isOptionalOption(props.type, 'precision');
  const current = typeof props.options.precision === 'number' ? String(props.options.precision) : '';
  return (
    <Labelled label={t('schema.options.precision')}>
      {(id) => (
        <select id={id} value={current} onChange={(event) => props.onChange('precision', event.target.value === '' ? undefined : Number(event.target.value))}>
          {optional ? <option value="">{t('schema.options.example', { label: t('schema.options.precisionAsEntered'), example: example(props, SAMPLE_NUMBER, { precision: undefined }) })}</option> : null}
          {Array.from({ length: 9 }, (_, digits) => (
            <option key={digits} value={digits}>{t('schema.options.example', { label: String(digits), example: example(props, SAMPLE_NUMBER, { precision: digits }) })}</option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

function SymbolEditor({ options, onChange }: OptionEditorProps) {
  const { t } = useTranslation();
  const listId = useId();
  return (
    <Labelled label={t('schema.options.symbol')}>
      {(id) => (
        <>
          <input id={id} list={listId} value={typeof options.symbol === 'string' ? options.symbol : ''} maxLength={5} size={6} onChange={(event) => onChange('symbol', event.target.value)} />
          <datalist id={listId}>{CURRENCY_SYMBOLS.map((symbol) => <option key={symbol} value={symbol} />)}</datalist>
        </>
      )}
    </Labelled>
  );
}

function MaxEditor({ options, onChange }: OptionEditorProps) {
  const { t } = useTranslation();
  return (
    <Labelled label={t('schema.options.max')}>
      {(id) => (
        <select id={id} value={String(options.max ?? 5)} onChange={(event) => onChange('max', Number(event.target.value))}>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((max) => <option key={max} value={max}>{`${max} ${'★'.repeat(max)}`}</option>)}
        </select>
      )}
    </Labelled>
  );
}

function IncludeTimeEditor({ options, onChange }: OptionEditorProps) {
  const { t } = useTranslation();
  return (
    <label className="switch">
      <input type="checkbox" checked={options.includeTime === true} onChange={(event) => onChange('includeTime', event.target.checked)} />
      {t('schema.options.includeTime')}
    </label>
  );
}

function DateFormatEditor(props: OptionEditorProps) {
  const { t } = useTranslation();
  return (
    <Labelled label={t('schema.options.dateFormat')}>
      {(id) => (
        <select id={id} value={String(props.options.dateFormat ?? 'iso')} onChange={(event) => props.onChange('dateFormat', event.target.value)}>
          {DATE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t('schema.options.example', { label: t(`schema.options.dateFormats.${format}`), example: example(props, SAMPLE_INSTANT, { dateFormat: format }) })}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

function TimeFormatEditor(props: OptionEditorProps) {
  const { t } = useTranslation();
  // Without a time of day there is nothing to format: hidden rather than disabled, less noise.
  if (props.options.includeTime !== true) return null;
  return (
    <Labelled label={t('schema.options.timeFormat')}>
      {(id) => (
        <select id={id} value={String(props.options.timeFormat ?? '24h')} onChange={(event) => props.onChange('timeFormat', event.target.value)}>
          {TIME_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t('schema.options.example', { label: t(`schema.options.timeFormats.${format}`), example: example(props, SAMPLE_INSTANT, { timeFormat: format }) })}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

function allZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : COMMON_ZONES;
}

function TimeZoneEditor({ options, onChange, timeZone }: OptionEditorProps) {
  const { t } = useTranslation();
  const current = typeof options.timeZone === 'string' ? options.timeZone : '';
  const zones = allZones();
  return (
    <Labelled label={t('schema.options.timeZone')}>
      {(id) => (
        <select id={id} value={current} onChange={(event) => onChange('timeZone', event.target.value || undefined)}>
          <option value="">{t('schema.options.timeZoneBase', { zone: timeZone })}</option>
          <optgroup label={t('schema.options.commonTimeZones')}>
            {COMMON_ZONES.map((zone) => <option key={`common-${zone}`} value={zone}>{zone}</option>)}
          </optgroup>
          <optgroup label={t('schema.options.allTimeZones')}>
            {zones.filter((zone) => !COMMON_ZONES.includes(zone)).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
            {current && !zones.includes(current) && !COMMON_ZONES.includes(current) ? <option value={current}>{current}</option> : null}
          </optgroup>
        </select>
      )}
    </Labelled>
  );
}

/** One editor per option key; a key the types gain without an editor fails field-options.test.ts. */
export const OPTION_EDITORS = {
  choices: ChoicesEditor,
  precision: PrecisionEditor,
  symbol: SymbolEditor,
  max: MaxEditor,
  includeTime: IncludeTimeEditor,
  dateFormat: DateFormatEditor,
  timeFormat: TimeFormatEditor,
  timeZone: TimeZoneEditor,
} satisfies Record<OptionKey, ComponentType<OptionEditorProps>>;
