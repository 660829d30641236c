import { describe, expect, it } from 'vitest';
import type { FieldType } from './field-type.ts';
import { fieldTypes } from './registry.ts';
import { en, zh } from './test-support.ts';

// `showsStoredText` lets the CSV export have SQLite write a column's text unformatted
// (server/exports/csv-runs.ts). Each type that claims it is held to the claim here.

const claiming = Object.values(fieldTypes).filter((type) => type.showsStoredText) as Array<FieldType<unknown, unknown>>;

/** Text a column may hold: every kind of character, formula triggers, CSV specials, numbers as text. */
const STORED = [
  'plain', '杭州博远嘉装饰工程有限公司', '+86 138 0013 8000', '=SUM(A1:A3)', '-2', '@cmd', '\tindented', '\rreturn',
  'say "hi", then go', 'two\nlines', 'crlf\r\nline', 'emoji 😀 𠀀', 'lone \ud83d half', '  ', ' padded ', 'nul\u0000inside',
  '1.0e+21', '0', 'null', 'https://example.com/a?b=1,2', 'a@example.com', 'x'.repeat(10_000),
];

/** Options that could change what is shown: the defaults, and a select whose choices hold (or lack) the text. */
function optionSets(type: FieldType<unknown, unknown>): unknown[] {
  const sets = [type.options.parse(undefined)];
  const withChoices = type.options.safeParse({ choices: [{ name: 'plain' }, { name: '=SUM(A1:A3)' }, { name: 'say "hi", then go' }] });
  if (withChoices.success) sets.push(withChoices.data);
  return sets;
}

describe('field types that show their stored text', () => {
  it('are the text types and single select', () => {
    expect(claiming.map((type) => type.name).sort()).toEqual(['email', 'longText', 'phoneNumber', 'singleLineText', 'singleSelect', 'url']);
  });

  describe.each(claiming.map((type) => [type.name, type] as const))('%s', (_name, type) => {
    it('keeps its values in a TEXT column (numbers written there come back as text)', () => {
      expect(type.storage).toEqual({ kind: 'column', sqlType: 'TEXT' });
    });

    it('shows any stored text as it is, in both locales and whatever its options', () => {
      for (const options of optionSets(type)) {
        for (const ctx of [en, zh]) {
          for (const text of STORED) expect(type.format(type.fromStorage(text, options), options, ctx)).toBe(text);
        }
      }
    });

    it("shows NULL and '' as ''", () => {
      for (const options of optionSets(type)) {
        for (const ctx of [en, zh]) {
          expect(type.format(type.fromStorage(null, options), options, ctx)).toBe('');
          expect(type.format(type.fromStorage('', options), options, ctx)).toBe('');
        }
      }
    });
  });
});
