import type { CellChange } from './types.ts';

/** One step is what one action changed (a cell edit, a cleared range): undone together. */
export type UndoStep = readonly CellChange[];

const LIMIT = 200;

/** This person's own edits, newest last; another person's edits are never undone here. */
export class UndoStack {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];

  push(step: UndoStep): void {
    if (!step.length) return;
    this.done.push(step);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
  }

  /** The step to undo; apply each change's `before`. */
  undo(): UndoStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  /** The step to redo; apply each change's `after`. */
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
