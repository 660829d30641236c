import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../../core/fields/index.ts';
import { en } from '../../i18n/resources/en.ts';
import { zhCN } from '../../i18n/resources/zh-CN.ts';
import { canBePrimaryType, TYPE_GROUPS } from './field-type-meta.ts';

describe('TYPE_GROUPS', () => {
  it('lists every stored type exactly once, each with a name in both languages', () => {
    const listed = Object.values(TYPE_GROUPS).flat();
    expect([...listed].sort()).toEqual(Object.keys(fieldTypes).sort());
    for (const name of listed) {
      expect(en.schema.types[name]).toBeTruthy();
      expect(zhCN.schema.types[name]).toBeTruthy();
    }
  });

  it('allows only single-value types as the primary field', () => {
    expect(canBePrimaryType('singleLineText')).toBe(true);
    expect(canBePrimaryType('autoNumber')).toBe(true);
    expect(canBePrimaryType('singleSelect')).toBe(false);
    expect(canBePrimaryType('checkbox')).toBe(false);
  });
});
