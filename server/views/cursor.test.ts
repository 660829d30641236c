import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const scope = JSON.stringify({ tableId: 'tblA', filter: null, sorts: [] });

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('offset cursors', () => {
  it('round-trips offsets within their scope', () => {
    for (const offset of [0, 100, 123_456_789]) expect(decodeCursor(encodeCursor(offset, { scope }), { scope })).toBe(offset);
    expect(encodeCursor(100, { scope })).toMatch(/^[\w-]+\.[\w-]+$/); // URL-safe as it is
  });

  it('refuses altered, truncated and foreign cursors with INVALID_REQUEST', () => {
    const cursor = encodeCursor(100, { scope });
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ v: 1, o: 5, q: 'x' })).toString('base64url')}.${mac}`;
    const cases: [string, RegExp][] = [
      [forged, /altered or truncated/],
      [`${payload}.${mac.slice(0, -1)}`, /altered or truncated/],
      [payload, /not a cursor this server issued/],
      ['', /not a cursor this server issued/],
      ['a.b.c', /not a cursor this server issued/],
      ['x'.repeat(500), /not a cursor this server issued/],
    ];
    for (const [bad, message] of cases) {
      const error = errorOf(() => decodeCursor(bad, { scope }));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(message);
    }
    expect(errorOf(() => decodeCursor(cursor, { scope: 'other' })).message).toMatch(/different query/);
    expect(errorOf(() => decodeCursor(cursor, { scope, secret: 'another key' })).message).toMatch(/altered/);
  });

  it('refuses to encode what is not an offset', () => {
    expect(() => encodeCursor(-1)).toThrow();
    expect(() => encodeCursor(1.5)).toThrow();
  });
});
