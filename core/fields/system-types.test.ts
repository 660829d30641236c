import { describe, expect, it } from 'vitest';
import { autoNumber } from './auto-number.ts';
import { createdTime } from './created-time.ts';
import { lastModifiedTime } from './last-modified-time.ts';
import { en, expectSorted, typecast, zh } from './test-support.ts';

describe('autoNumber', () => {
  const options = autoNumber.options.parse(undefined);

  it('is the read-only row id', () => {
    expect(autoNumber.storage).toEqual({ kind: 'system', column: 'id' });
    expect(autoNumber.readOnly).toBe(true);
    expect(autoNumber.coerce(5, options, typecast)).toEqual({ ok: false, error: 'field is read-only' });
    expect(autoNumber.fromStorage(42, options)).toBe(42);
    expect(autoNumber.fromStorage(42n, options)).toBe(42);
    expect(autoNumber.format(1234, options, en)).toBe('1234');
    expect(autoNumber.format(null, options, en)).toBe('');
    expectSorted(autoNumber, [1, 2, 10], options);
  });
});

describe.each([
  [createdTime, 'created_at'],
  [lastModifiedTime, 'updated_at'],
])('$name', (type, column) => {
  const options = type.options.parse(undefined);

  it('is a read-only instant over a system column', () => {
    expect(type.storage).toEqual({ kind: 'system', column });
    expect(type.kind).toBe('date');
    expect(options.includeTime).toBe(true);
    expect(type.coerce('2024-01-05', options, typecast)).toEqual({ ok: false, error: 'field is read-only' });
  });

  it.each([
    ['2024-01-05T01:30:00.000Z', '2024-01-05T01:30:00.000Z'],
    ['2024-01-05 01:30:00', '2024-01-05T01:30:00.000Z'],
    [Date.UTC(2024, 0, 5, 1, 30), '2024-01-05T01:30:00.000Z'],
    ['junk', null],
    [null, null],
  ])('reads %j', (raw, value) => {
    expect(type.fromStorage(raw, options)).toBe(value);
    // includeTime only changes display: the value stays the instant
    expect(type.fromStorage(raw, type.options.parse({ includeTime: false }))).toBe(value);
  });

  it('formats in the base zone', () => {
    expect(type.format('2024-01-05T16:30:00.000Z', options, en)).toBe('2024-01-06 00:30');
    expect(type.format('2024-01-05T16:30:00.000Z', type.options.parse({ includeTime: false, dateFormat: 'friendly' }), zh)).toBe('2024年1月6日');
    expect(type.format(null, options, en)).toBe('');
  });
});
