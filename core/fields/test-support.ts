import { expect } from 'vitest';
import type { CoerceContext, FieldType, FormatContext } from './field-type.ts';

/** Shared contexts for the field type tests (not a test file itself). */
export const strict: CoerceContext = { typecast: false, timeZone: 'Asia/Shanghai' };
export const typecast: CoerceContext = { typecast: true, timeZone: 'Asia/Shanghai' };
export const en: FormatContext = { locale: 'en', timeZone: 'Asia/Shanghai' };
export const zh: FormatContext = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' };

/** The value survives toStorage → fromStorage unchanged. */
export function expectRoundTrip<O, V>(type: FieldType<O, V>, value: V | null, options: O): void {
  expect(type.fromStorage(type.toStorage(value, options), options)).toEqual(value);
}

/** Sorting with compare gives `sorted` back from any order. */
export function expectSorted<O, V>(type: FieldType<O, V>, sorted: V[], options: O): void {
  const shuffled = [...sorted].reverse();
  expect(shuffled.sort((a, b) => type.compare(a, b, options))).toEqual(sorted);
}
