import { describe, expect, it } from 'vitest';
import { asciiLower, compareCodePoints, compareNoCase } from './text.ts';

describe('SQLite-compatible text order', () => {
  it('folds ASCII only', () => {
    expect(asciiLower('ABC Äpfel ÉCOLE 中文 İ Ｚ')).toBe('abc Äpfel École 中文 İ Ｚ');
  });

  it('orders by code point, astral characters after the BMP', () => {
    expect(compareCodePoints('\uFF21', '😀')).toBeLessThan(0); // JS '<' says the opposite
    expect('\uFF21' < '😀').toBe(false);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect(compareNoCase('B', 'a')).toBeGreaterThan(0);
    expect(compareNoCase('_', 'a')).toBeLessThan(0);
    expect(compareNoCase('_', 'A')).toBeLessThan(0); // NOCASE folds A to a (0x61) > '_' (0x5F)
    expect(compareNoCase('ABC', 'abc')).toBe(0);
  });
});
