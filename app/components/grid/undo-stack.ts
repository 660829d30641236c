import type { CellChange } from './types.ts';

/** Rows deleted together; undo brings them back (under new ids) and redo deletes those. */
export interface RowsStep {
  kind: 'rows';
  /** The rows as they were, their ids updated to whatever the last undo created. */
  rows: Array<{ id: string; values: Record<string, unknown> }>;
}

/** A paste: cells it changed in existing rows, and the rows it created (undo deletes them). */
export interface PasteStep {
  kind: 'paste';
  changes: readonly CellChange[];
  /** The created rows' values; `id` is updated whenever redo creates them again. */
  created: Array<{ id: string; values: Record<string, unknown> }>;
}

/** One step is what one action changed (a cell edit, a cleared range, deleted rows, a paste): undone together. */
export type UndoStep = readonly CellChange[] | RowsStep | PasteStep;

export const isCellStep = (step: UndoStep): step is readonly CellChange[] => Array.isArray(step);

const LIMIT = 200;

/** This person's own edits, newest last; another person's edits are never undone here. */
export class UndoStack {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];

  push(step: UndoStep): void {
    if (isCellStep(step) ? !step.length : step.kind === 'rows' ? !step.rows.length : !step.changes.length && !step.created.length) return;
    this.done.push(step);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
  }

  /** The step to undo; apply each change's `before` (or bring the rows back). */
  undo(): UndoStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  /** The step to redo; apply each change's `after` (or delete the rows again). */
  redo(): UndoStep | undefined {
    const step = this.undone.pop();
    if (step) this.done.push(step);
    return step;
  }

  /** Takes back a step that the server refused, so undo does not replay it. */
  drop(step: UndoStep): void {
    this.done = this.done.filter((entry) => entry !== step);
    this.undone = this.undone.filter((entry) => entry !== step);
  }
}
