import { describe, expect, it } from 'vitest';
import { SELECT_COLORS, withAddedChoices } from './select-choices.ts';
import { singleSelect } from './single-select.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = singleSelect.options.parse({
  choices: [
    { id: 'selA', name: '初步接洽', color: 'blue' },
    { id: 'selB', name: '需求分析' },
    { name: 'VIP' },
  ],
});

describe('select options', () => {
  it('fills ids and colors, keeping the ones given', () => {
    const [first, second, third] = options.choices;
    expect(first).toEqual({ id: 'selA', name: '初步接洽', color: 'blue' });
    expect(second).toEqual({ id: 'selB', name: '需求分析', color: SELECT_COLORS[1] });
    expect(third?.id).toMatch(/^sel[A-Za-z0-9]{14}$/);
    expect(singleSelect.options.parse(undefined)).toEqual({ choices: [] });
  });

  it('refuses duplicate names and ids', () => {
    const result = singleSelect.options.safeParse({ choices: [{ name: 'A' }, { name: 'A' }] });
    expect(result.error?.issues[0]?.message).toBe('choice "A" appears twice');
    expect(singleSelect.options.safeParse({ choices: [{ id: 'x', name: 'A' }, { id: 'x', name: 'B' }] }).success).toBe(false);
    expect(singleSelect.options.safeParse({ choices: [{ name: '  ' }] }).success).toBe(false);
  });

  it('adds choices with the next color', () => {
    const added = withAddedChoices(options, ['新', 'VIP']);
    expect(added.choices.map((c) => c.name)).toEqual(['初步接洽', '需求分析', 'VIP', '新']);
    expect(added.choices[3]?.color).toBe(SELECT_COLORS[3]);
  });
});

describe('singleSelect', () => {
  it.each([
    ['初步接洽', '初步接洽'],
    [' 需求分析 ', '需求分析'],
    ['vip', 'VIP'],
    ['ＶＩＰ', 'VIP'],
    ['', null],
    [null, null],
  ])('strict %j → %j', (input, value) => {
    expect(singleSelect.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it('adds unknown names with typecast', () => {
    expect(singleSelect.coerce(' 已流失 ', options, typecast)).toEqual({ ok: true, value: '已流失', addChoices: ['已流失'] });
    expect(singleSelect.coerce(2024, options, typecast)).toEqual({ ok: true, value: '2024', addChoices: ['2024'] });
    expect(singleSelect.coerce('已\n流失', options, typecast)).toEqual({ ok: true, value: '已 流失', addChoices: ['已 流失'] });
  });

  it.each([
    ['已流失', strict, '"已流失" is not one of the field\'s choices'],
    [3, strict, 'expects a choice name, got number 3'],
    [['VIP'], typecast, 'expects a choice name, got a list'],
    ['x'.repeat(201), typecast, `"${'x'.repeat(60)}…" is longer than 200 characters, too long for a choice`],
  ])('%j is refused', (input, ctx, error) => {
    expect(singleSelect.coerce(input, options, ctx)).toEqual({ ok: false, error });
  });

  it('round-trips, formats and sorts by choice order, unknown names last', () => {
    expectRoundTrip(singleSelect, '需求分析', options);
    expectRoundTrip(singleSelect, null, options);
    expect(singleSelect.format('VIP', options, en)).toBe('VIP');
    expect(singleSelect.format(null, options, zh)).toBe('');
    expectSorted(singleSelect, ['初步接洽', '需求分析', 'VIP', 'A-gone', 'B-gone'], options);
  });
});
