import { describe, expect, it } from 'vitest';
import { fieldTypes, type StoredTypeName } from '../../../core/fields/index.ts';
import { checkOptions, editableOptionKeys, isOptionKey, isOptionalOption, optionKeysOf, optionsForType } from './field-options.ts';

describe('option keys from the types themselves', () => {
  it('has an editor for every option of every stored type', () => {
    for (const [name, fieldType] of Object.entries(fieldTypes)) {
      for (const key of optionKeysOf(fieldType)) expect(isOptionKey(key), `${name}.${key}`).toBe(true);
    }
  });

  it('reads through prefault and pipe wrappers', () => {
    expect(editableOptionKeys('singleSelect')).toEqual(['choices']);
    expect(editableOptionKeys('currency')).toEqual(['precision', 'symbol']);
    expect(editableOptionKeys('date')).toEqual(['includeTime', 'dateFormat', 'timeFormat', 'timeZone']);
    expect(editableOptionKeys('rating')).toEqual(['max']);
    expect(editableOptionKeys('singleLineText')).toEqual([]);
  });

  it('knows which options may stay unset', () => {
    expect(isOptionalOption('number', 'precision')).toBe(true);
    expect(isOptionalOption('currency', 'precision')).toBe(false);
    expect(isOptionalOption('date', 'timeZone')).toBe(true);
  });
});

describe('optionsForType', () => {
  const choices = [{ id: 'selA', name: 'Hot', color: 'red' }];
  it('carries choices between the select types and precision between number types', () => {
    expect(optionsForType('multipleSelects', { choices })).toEqual({ choices });
    expect(optionsForType('currency', { precision: 1 })).toEqual({ symbol: '¥', precision: 1 });
  });

  it('falls back to defaults for what the new type does not understand', () => {
    expect(optionsForType('rating', { precision: 1 })).toEqual({ max: 5 });
    expect(optionsForType('singleSelect' as StoredTypeName, { choices: 'nonsense' })).toEqual({ choices: [] });
  });
});

describe('checkOptions', () => {
  it('names the option at fault', () => {
    const result = checkOptions('singleSelect', { choices: [{ name: 'A' }, { name: 'A' }] });
    expect(result).toMatchObject({ ok: false, option: 'choices.1.name' });
    expect(checkOptions('rating', { max: 20 })).toMatchObject({ ok: false, option: 'max' });
    expect(checkOptions('rating', { max: 10 })).toEqual({ ok: true, options: { max: 10 } });
  });
});
