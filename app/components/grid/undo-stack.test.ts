import { describe, expect, it } from 'vitest';
import { isCellStep, UndoStack, type RowsStep } from './undo-stack.ts';

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
    expect(c && isCellStep(c) ? c[0]?.after : undefined).toBe('c');
    expect(stack.undo()).toBeUndefined();
  });

  it('keeps deleted rows as one step, and skips empty steps', () => {
    const stack = new UndoStack();
    const rows: RowsStep = { kind: 'rows', rows: [{ id: 'rec7', values: { fld1: 'Acme' } }] };
    stack.push({ kind: 'rows', rows: [] });
    stack.push([]);
    stack.push(rows);
    const undone = stack.undo();
    expect(undone).toBe(rows);
    expect(undone && !isCellStep(undone) && undone.kind === 'rows' ? undone.rows[0]?.values : undefined).toEqual({ fld1: 'Acme' });
    expect(stack.undo()).toBeUndefined();
  });
});
