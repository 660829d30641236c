import type { GridController } from '../grid/grid-controller.ts';
import { FilterControl } from './filter-control.tsx';
import { useGridViewControl } from './use-grid-view-control.ts';

/** The grid toolbar's "Filter" slot (grid-chrome.tsx). */
export function ViewFilterButton({ ctrl }: { ctrl: GridController }) {
  const props = useGridViewControl(ctrl);
  return props ? <FilterControl {...props} /> : null;
}
