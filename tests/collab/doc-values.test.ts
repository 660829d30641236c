import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { jsonEqual, setText } from '../../collab/server/doc-values.ts';

function text(initial: string): Y.Text {
  const doc = new Y.Doc();
  const value = doc.getText('t');
  value.insert(0, initial);
  return value;
}

describe('setText', () => {
  it.each([
    ['hello world', 'hello brave world'],
    ['hello brave world', 'hello world'],
    ['', '客户备注'],
    ['客户备注', ''],
    ['abc', 'xyz'],
    ['a👍b', 'a👎b'],
    ['👍👍', '👍'],
    ['x👍', '👍'],
  ])('turns %j into %j', (from, to) => {
    const value = text(from);
    setText(value, to);
    expect(value.toString()).toBe(to);
  });

  it('touches only the differing middle, so a concurrent insert elsewhere survives', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'first line\nsecond line');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setText(a.getText('t'), 'first line\nsecond LINE');
    b.getText('t').insert(0, '>> ');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('>> first line\nsecond LINE');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});

describe('jsonEqual', () => {
  it('compares field values structurally', () => {
    expect(jsonEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(jsonEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(jsonEqual({ id: 'x', size: 1 }, { size: 1, id: 'x' })).toBe(true);
    expect(jsonEqual(null, '')).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
});
