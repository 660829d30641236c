import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack.ts';

const step = (after: string) => [{ recordId: 'rec1', fieldId: 'fld1', before: 'x', after }];

describe('UndoStack', () => {
  it('undoes newest first and redoes what was undone', () => {
    const stack = new UndoStack();
    const a = step('a');
    const b = step('b');
    stack.push(a);
    stack.push(b);
    expect(stack.undo()).toBe(b);
    expect(stack.undo()).toBe(a);
    expect(stack.undo()).toBeUndefined();
    expect(stack.redo()).toBe(a);
    expect(stack.redo()).toBe(b);
    expect(stack.redo()).toBeUndefined();
  });

  it('forgets the redo branch on a new edit, and drops refused steps', () => {
    const stack = new UndoStack();
    const a = step('a');
    stack.push(a);
    stack.undo();
    stack.push(step('c'));
    expect(stack.redo()).toBeUndefined();
    stack.drop(a);
    const c = stack.undo();
    expect(c?.[0]?.after).toBe('c');
    expect(stack.undo()).toBeUndefined();
  });
});
