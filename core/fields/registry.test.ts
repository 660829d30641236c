import { describe, expect, it } from 'vitest';
import { COMPUTED_TYPE_NAMES, FIELD_TYPE_NAMES, VALUE_KINDS } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { fieldTypes, isStoredTypeName, requireFieldType } from './registry.ts';
import { strict } from './test-support.ts';

const storedNames = FIELD_TYPE_NAMES.filter((name) => !(COMPUTED_TYPE_NAMES as readonly string[]).includes(name));

describe('registry', () => {
  it('holds every stored type under its own name', () => {
    expect(Object.keys(fieldTypes).sort()).toEqual([...storedNames].sort());
    for (const [name, type] of Object.entries(fieldTypes)) expect(type.name).toBe(name);
  });

  it('finds types and names unknown ones', () => {
    expect(requireFieldType('currency')).toBe(fieldTypes.currency);
    expect(() => requireFieldType('formula')).toThrow('unknown field type "formula"');
    expect(() => requireFieldType('toString')).toThrow('unknown field type "toString"');
    expect(isStoredTypeName('date')).toBe(true);
    expect(isStoredTypeName('link')).toBe(false);
    expect(isStoredTypeName('__proto__')).toBe(false);
  });

  it.each(storedNames.map((name) => [name, requireFieldType(name)] as const))('%s keeps the contract', (_name, type) => {
    expect(VALUE_KINDS).toContain(type.kind);
    expect(type.operators).toEqual(OPERATORS_BY_KIND[type.kind]);
    expect(type.readOnly).toBe(type.storage.kind === 'system');
    const options = type.options.parse(undefined);
    expect(type.options.parse(options)).toEqual(options); // parsed options parse to themselves
    if (!type.readOnly) {
      const empty = type.coerce(null, options, strict);
      expect(empty).toEqual({ ok: true, value: type.kind === 'boolean' ? false : null });
    }
    expect(type.format(null, options, { locale: 'en', timeZone: 'UTC' })).toBe('');
  });
});
