import { describe, expect, it } from 'vitest';
import { nameProblem, suggestName } from './names.ts';

const fields = [{ id: 'f1', name: 'Amount' }, { id: 'f2', name: '客户名称' }];

describe('nameProblem', () => {
  it('refuses what the server refuses', () => {
    expect(nameProblem('   ', fields)).toBe('required');
    expect(nameProblem('x'.repeat(101), fields)).toBe('tooLong');
    expect(nameProblem('a\u0007b', fields)).toBe('control');
    expect(nameProblem(' amount ', fields)).toBe('taken');
    expect(nameProblem('ＡＭＯＵＮＴ', fields)).toBe('taken');
    expect(nameProblem('客户名称', fields)).toBe('taken');
  });

  it('lets a field keep its own name', () => {
    expect(nameProblem('Amount', fields, 'f1')).toBeUndefined();
    expect(nameProblem('预估金额', fields)).toBeUndefined();
  });
});

describe('suggestName', () => {
  it('numbers after the existing fields, skipping taken names', () => {
    expect(suggestName('Field', fields)).toBe('Field 3');
    expect(suggestName('字段', [...fields, { id: 'f3', name: '字段 4' }])).toBe('字段 5');
  });
});
