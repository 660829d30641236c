import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FieldJson } from '../schema/types.ts';
import { currentValue, dateInput, editorKind, editText, parseInput, writeValue } from './record-values.ts';

const field = (type: string, options: Record<string, unknown> = {}): FieldJson => ({ id: `fld_${type}`, name: type, type, options, description: null });

describe('editorKind', () => {
  it('edits stored types by kind and shows computed and system ones', () => {
    expect(editorKind(field('currency'))).toBe('number');
    expect(editorKind(field('longText'))).toBe('text');
    expect(editorKind(field('singleSelect'))).toBe('select');
    expect(editorKind(field('multipleSelects'))).toBe('multi');
    expect(editorKind(field('createdTime'))).toBe('readOnly');
    expect(editorKind(field('formula'))).toBe('readOnly');
  });
});

describe('editText and parseInput', () => {
  it('shows numbers with every decimal and reads back what people type', () => {
    const amount = field('currency', { symbol: '¥', precision: 2 });
    expect(editText(amount, 1234.5678, 'en', 'Asia/Shanghai')).toBe('¥1,234.5678');
    expect(parseInput(amount, '¥1,234.50', 'Asia/Shanghai')).toEqual({ ok: true, value: 1234.5 });
    expect(editText(field('percent'), 0.125, 'zh-CN', 'Asia/Shanghai')).toBe('12.5%');
    expect(parseInput(field('percent'), '35%', 'Asia/Shanghai')).toEqual({ ok: true, value: 0.35 });
    expect(parseInput(field('number'), 'abc', 'Asia/Shanghai').ok).toBe(false);
  });

  it('reads dates the way import does, in the field zone', () => {
    expect(parseInput(field('date'), '2024年1月5日', 'Asia/Shanghai')).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseInput(field('date', { includeTime: true }), '2024-01-05T14:30', 'Asia/Shanghai')).toEqual({ ok: true, value: '2024-01-05T06:30:00.000Z' });
  });
});

describe('dateInput', () => {
  it('gives native date inputs their wall-time value', () => {
    expect(dateInput(field('date'), '2024-01-05', 'Asia/Shanghai')).toEqual({ type: 'date', value: '2024-01-05' });
    expect(dateInput(field('date', { includeTime: true }), '2024-01-05T06:30:00.000Z', 'Asia/Shanghai')).toEqual({ type: 'datetime-local', value: '2024-01-05T14:30' });
    expect(dateInput(field('date', { includeTime: true, timeZone: 'Europe/London' }), '2024-01-05T06:30:00.000Z', 'Asia/Shanghai').value).toBe('2024-01-05T06:30');
    expect(dateInput(field('date'), null, 'Asia/Shanghai')).toEqual({ type: 'date', value: '' });
  });
});

describe('values from the doc and the row', () => {
  it('prefers the live doc for editable fields and normalizes expanded users', () => {
    const doc = new Y.Doc();
    const fields = doc.getMap<unknown>('fields');
    fields.set('fld_longText', new Y.Text('live note'));
    const row = { fld_longText: 'stale note', fld_user: { id: 'usr1', email: 'a@example.com', name: 'A' }, fld_createdTime: '2024-01-05T06:30:00.000Z' };
    expect(currentValue(field('longText'), row, fields)).toBe('live note');
    expect(currentValue(field('longText'), row, null)).toBe('stale note');
    expect(currentValue(field('user'), row, null)).toBe('usr1');
    expect(currentValue(field('createdTime'), row, fields)).toBe('2024-01-05T06:30:00.000Z');
  });

  it('writes null as a deleted key and keeps a Y.Text instance', () => {
    const doc = new Y.Doc();
    const fields = doc.getMap<unknown>('fields');
    const text = new Y.Text('old');
    fields.set('notes', text);
    writeValue(fields, 'amount', 12);
    writeValue(fields, 'notes', 'new');
    expect(fields.get('amount')).toBe(12);
    expect(fields.get('notes')).toBe(text);
    expect(text.toString()).toBe('new');
    writeValue(fields, 'amount', null);
    expect(fields.has('amount')).toBe(false);
  });
});
