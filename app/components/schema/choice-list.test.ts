import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../core/fields/index.ts';
import {
  addChoice, addChoicesFromText, choiceProblems, choicesForPayload, choicesOf, moveChoice, nextColor, recolorChoice, removeChoice, renameChoice,
} from './choice-list.ts';

const base: Choice[] = [
  { id: 'selA', name: '潜在客户', color: 'blue' },
  { id: 'selB', name: 'Proposal', color: 'cyan' },
];

describe('choice editing', () => {
  it('adds a choice with a fresh id and an unused color', () => {
    const next = addChoice(base, '成交');
    expect(next).toHaveLength(3);
    expect(next[2]).toMatchObject({ name: '成交', color: 'teal' });
    expect(next[2]!.id).toMatch(/^sel[A-Za-z0-9]{14}$/);
    expect(base).toHaveLength(2); // never mutated
  });

  it('cycles colors once the palette is used up', () => {
    let choices: Choice[] = [];
    for (let i = 0; i < 11; i++) choices = addChoice(choices, `c${i}`);
    expect(choices[9]!.color).toBe('gray');
    expect(choices[10]!.color).toBe(nextColor(choices.slice(0, 10)));
  });

  it('renames, recolors, removes and reorders by id', () => {
    expect(renameChoice(base, 'selB', 'Negotiation')[1]).toEqual({ id: 'selB', name: 'Negotiation', color: 'cyan' });
    expect(recolorChoice(base, 'selA', 'red')[0]!.color).toBe('red');
    expect(removeChoice(base, 'selA').map((c) => c.id)).toEqual(['selB']);
    expect(moveChoice(base, 'selB', -1).map((c) => c.id)).toEqual(['selB', 'selA']);
    expect(moveChoice(base, 'selB', 1).map((c) => c.id)).toEqual(['selA', 'selB']);
  });

  it('adds pasted lines as choices, skipping blanks and names already there', () => {
    const next = addChoicesFromText(base, 'Proposal\n\n 赢单 \r\n输单\t赢单');
    expect(next.map((c) => c.name)).toEqual(['潜在客户', 'Proposal', '赢单', '输单']);
  });
});

describe('choiceProblems', () => {
  it('flags empty, duplicate and over-long names as the server would refuse them', () => {
    const problems = choiceProblems([
      { id: 'a', name: 'VIP', color: 'blue' },
      { id: 'b', name: ' VIP ', color: 'red' },
      { id: 'c', name: '   ', color: 'red' },
      { id: 'd', name: 'x'.repeat(201), color: 'red' },
      { id: 'e', name: 'vip', color: 'red' },
    ]);
    expect(Object.fromEntries(problems)).toEqual({ b: 'duplicate', c: 'empty', d: 'tooLong' });
  });
});

describe('choicesOf and choicesForPayload', () => {
  it('reads stored options defensively and trims names for the API', () => {
    const read = choicesOf({ choices: [{ id: 'x', name: ' A ', color: 'nope' }, 42, { name: 'B' }] });
    expect(read[0]).toEqual({ id: 'x', name: ' A ', color: 'blue' });
    expect(read[1]!.name).toBe('B');
    expect(choicesForPayload(read)[0]!.name).toBe('A');
    expect(choicesOf({})).toEqual([]);
  });
});
