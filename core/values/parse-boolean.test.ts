import { describe, expect, it } from 'vitest';
import { parseBooleanInput } from './parse-boolean.ts';

describe('parseBooleanInput', () => {
  it.each([
    true, 'true', 'TRUE', 'True', 'yes', 'Y', 'y', '1', 1, 'on', 'checked', 'x', 'X', '是', '对', '✓', '✔', '√', '☑',
    ' yes ', 'ＹＥＳ',
  ])('%j → true', (input) => {
    expect(parseBooleanInput(input)).toEqual({ ok: true, value: true });
  });

  it.each([
    false, 'false', 'FALSE', 'no', 'N', '0', 0, 'off', 'unchecked', '否', '错', '×', '✗', '', '  ', null, undefined,
  ])('%j → false', (input) => {
    expect(parseBooleanInput(input)).toEqual({ ok: true, value: false });
  });

  it.each([
    ['maybe', '"maybe" is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)'],
    [2, '2 is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)'],
    [[], 'a list is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)'],
  ])('%j is refused', (input, error) => {
    expect(parseBooleanInput(input)).toEqual({ ok: false, error });
  });
});
