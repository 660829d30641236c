import type { GridController } from '../grid/grid-controller.ts';
import { SortControl } from './sort-control.tsx';
import { useGridViewControl } from './use-grid-view-control.ts';

/** The grid toolbar's "Sort" slot (grid-chrome.tsx). */
export function ViewSortButton({ ctrl }: { ctrl: GridController }) {
  const props = useGridViewControl(ctrl);
  return props ? <SortControl {...props} /> : null;
}
