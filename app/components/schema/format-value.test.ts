import { describe, expect, it } from 'vitest';
import { displayValue } from './format-value.ts';

const env = { locale: 'zh-CN', timeZone: 'Asia/Shanghai', userName: (id: string) => (id === 'usr1' ? '张伟' : undefined) };

describe('displayValue', () => {
  it("formats through the type's own format", () => {
    expect(displayValue({ type: 'currency', options: { symbol: '¥', precision: 2 } }, 12000, env)).toBe('¥12,000.00');
    expect(displayValue({ type: 'percent', options: {} }, 0.35, env)).toBe('35%');
    expect(displayValue({ type: 'date', options: { includeTime: true } }, '2024-01-05T06:30:00.000Z', env)).toBe('2024-01-05 14:30');
    expect(displayValue({ type: 'checkbox', options: {} }, true, env)).toBe('✓');
  });

  it('shows user ids and expanded users by name', () => {
    expect(displayValue({ type: 'user', options: {} }, 'usr1', env)).toBe('张伟');
    expect(displayValue({ type: 'user', options: {} }, { id: 'usr1', email: 'z@example.com', name: 'Zhang' }, env)).toBe('张伟');
    expect(displayValue({ type: 'createdBy', options: {} }, 'usr1', env)).toBe('张伟');
    expect(displayValue({ type: 'user', options: {} }, { id: 'usr9', email: 'l@example.com', name: '李娜' }, env)).toBe('李娜');
  });

  it('shows values of an older shape plainly instead of failing', () => {
    // A number field's history holding the text it had before the type change.
    expect(displayValue({ type: 'number', options: {} }, '约 5 万', env)).toBe('约 5 万');
    // A choice since removed from the field.
    expect(displayValue({ type: 'singleSelect', options: { choices: [] } }, '已流失', env)).toBe('已流失');
    expect(displayValue({ type: 'multipleSelects', options: { choices: [] } }, ['A', 'B'], env)).toBe('A, B');
    expect(displayValue({ type: 'formula', options: {} }, 1234.5, env)).toBe('1,234.5');
  });

  it('shows attachments by file name and empties as empty', () => {
    const file = { id: 'a'.repeat(64), filename: '合同.pdf', size: 1, type: 'application/pdf', url: `/api/v1/attachments/${'a'.repeat(64)}` };
    expect(displayValue({ type: 'attachment', options: {} }, [file], env)).toBe('合同.pdf');
    expect(displayValue({ type: 'singleLineText', options: {} }, null, env)).toBe('');
  });
});
