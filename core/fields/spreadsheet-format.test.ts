import { describe, expect, it } from 'vitest';
import { fieldTypes } from './registry.ts';

const formatOf = (type: keyof typeof fieldTypes, options: unknown = {}) =>
  fieldTypes[type].spreadsheetFormat?.(fieldTypes[type].options.parse(options) as never);

describe('spreadsheetFormat: the Excel number format of a type in .xlsx exports', () => {
  it('gives currency its symbol and decimals, percent its decimals, and number a format only with a precision', () => {
    expect(formatOf('currency')).toBe('"¥"#,##0.00');
    expect(formatOf('currency', { symbol: '$', precision: 0 })).toBe('"$"#,##0');
    expect(formatOf('percent')).toBe('0%');
    expect(formatOf('percent', { precision: 1 })).toBe('0.0%');
    expect(formatOf('number')).toBeUndefined();
    expect(formatOf('number', { precision: 2 })).toBe('#,##0.00');
  });

  it('gives dates their time only when they carry one, and created/modified times always', () => {
    expect(formatOf('date')).toBe('yyyy-mm-dd');
    expect(formatOf('date', { includeTime: true })).toBe('yyyy-mm-dd hh:mm');
    expect(formatOf('createdTime', { includeTime: false })).toBe('yyyy-mm-dd hh:mm');
    expect(formatOf('lastModifiedTime')).toBe('yyyy-mm-dd hh:mm');
  });

  it('is declared by every date kind, and by no text kind', () => {
    for (const type of Object.values(fieldTypes)) {
      if (type.kind === 'date') expect(type.spreadsheetFormat, type.name).toBeDefined();
      if (type.kind === 'text') expect(type.spreadsheetFormat, type.name).toBeUndefined();
    }
  });
});
