import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldTypes } from '../../../core/fields/index.ts';
import { FieldTypePicker } from './field-type-picker.tsx';
import { editableOptionKeys } from './field-options.ts';
import { withOption, withType, type FieldFormErrors, type FieldFormState } from './field-form.ts';
import { OPTION_EDITORS } from './option-editors.tsx';

interface Props {
  state: FieldFormState;
  onChange(state: FieldFormState): void;
  /** Shown once someone tried to save; the name's also while typing once it was shown. */
  errors: FieldFormErrors;
  showErrors: boolean;
  primary: boolean;
  /** A computed field: only its name and description are editable here. */
  typeLocked: boolean;
  locale: string;
  timeZone: string;
}

/** The field editor's form: name, type, the type's options, description. */
export function FieldFormBody({ state, onChange, errors, showErrors, primary, typeLocked, locale, timeZone }: Props) {
  const { t } = useTranslation();
  const nameId = useId();
  const descriptionId = useId();
  const typeHintId = useId();
  const nameError = showErrors && errors.name ? t(`schema.nameProblems.${errors.name}`) : undefined;
  const fieldType = fieldTypes[state.type];

  return (
    <div className="stack field-form">
      <div className="field">
        <label htmlFor={nameId}>{t('schema.fieldEditor.nameLabel')}</label>
        <input
          id={nameId}
          value={state.name}
          maxLength={120}
          autoFocus
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${nameId}-error` : undefined}
          onChange={(event) => onChange({ ...state, name: event.target.value })}
        />
        {nameError ? <p id={`${nameId}-error`} className="field-error">{nameError}</p> : null}
      </div>

      {typeLocked ? (
        <p className="notice">{t('schema.fieldEditor.computedType')}</p>
      ) : (
        <fieldset className="option-group">
          <legend>{t('schema.fieldEditor.typeLabel')}</legend>
          <FieldTypePicker value={state.type} primary={primary} describedBy={typeHintId} onChange={(type) => onChange(withType(state, type))} />
          <div id={typeHintId}>
            {errors.type ? <p className="field-error">{t('schema.fieldEditor.notPrimary')}</p> : null}
            {fieldType.readOnly ? <p className="hint">{t('schema.fieldEditor.readOnlyType')}</p> : null}
          </div>
        </fieldset>
      )}

      {typeLocked ? null : editableOptionKeys(state.type).map((key) => {
        const Editor = OPTION_EDITORS[key];
        return (
          <Editor
            key={key}
            type={state.type}
            options={state.options}
            onChange={(option, value) => onChange(withOption(state, option, value))}
            locale={locale}
            timeZone={timeZone}
            choiceProblems={showErrors ? errors.choices : undefined}
          />
        );
      })}
      {showErrors && errors.option ? (
        <p className="field-error" role="alert">{t('schema.fieldEditor.optionInvalid', errors.option)}</p>
      ) : null}

      <div className="field">
        <label htmlFor={descriptionId}>{t('schema.fieldEditor.descriptionLabel')}</label>
        <textarea
          id={descriptionId}
          rows={2}
          value={state.description}
          placeholder={t('schema.fieldEditor.descriptionPlaceholder')}
          onChange={(event) => onChange({ ...state, description: event.target.value })}
        />
      </div>
    </div>
  );
}
