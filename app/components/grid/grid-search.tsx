import type { GridController } from './grid-controller.ts';

// SCAFFOLD: a slot of the grid toolbar (grid-chrome.tsx), replaced by its implementation.
export function GridSearch(_props: { ctrl: GridController }) {
  return null;
}
