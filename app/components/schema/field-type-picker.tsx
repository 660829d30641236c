import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTypeName } from '../../../core/fields/index.ts';
import { FieldIcon, fieldKits } from '../fields/index.ts';
import { canBePrimaryType, TYPE_GROUPS, type TypeGroup } from './field-type-meta.ts';

interface Props {
  value: StoredTypeName;
  onChange(type: StoredTypeName): void;
  /** The primary field: types that cannot name a record are disabled. */
  primary?: boolean;
  describedBy?: string;
}

/**
 * Every stored type with its grid icon (the same as the column headers), in three groups.
 * Native radio buttons: arrow keys, form semantics and screen readers work as they should.
 */
export function FieldTypePicker({ value, onChange, primary = false, describedBy }: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className="type-picker" aria-describedby={describedBy}>
      {(Object.keys(TYPE_GROUPS) as TypeGroup[]).map((group) => (
        <fieldset key={group} className="type-group">
          <legend>{t(`schema.typeGroups.${group}`)}</legend>
          <div className="type-options">
            {TYPE_GROUPS[group].map((type) => {
              const disabled = primary && !canBePrimaryType(type);
              return (
                <label key={type} className={`type-option${value === type ? ' selected' : ''}${disabled ? ' disabled' : ''}`}>
                  <input type="radio" name={name} value={type} checked={value === type} disabled={disabled} onChange={() => onChange(type)} />
                  <FieldIcon name={fieldKits[type].icon} />
                  <span>{t(`schema.types.${type}`)}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
