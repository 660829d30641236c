import type { GridController } from './grid-controller.ts';

/** The CSS highlight the matches are painted with (`::highlight(tessera-search)`, group.css). */
export const SEARCH_HIGHLIGHT = 'tessera-search';

/**
 * Paints the search's matches inside the visible cells with the CSS Custom Highlight API:
 * ranges over the cells' text, so no renderer changes and React's DOM is never touched.
 * Repainted (once per frame at most) whenever the grid's DOM changes — scrolling, new
 * blocks, edits — or the search does.
 */
export function attachSearchHighlight(ctrl: GridController, element: HTMLElement): () => void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return () => {};
  let frame = 0;
  const paint = () => {
    frame = 0;
    const query = ctrl.search.get().toLowerCase();
    if (!query) {
      CSS.highlights.delete(SEARCH_HIGHLIGHT);
      return;
    }
    const ranges: Range[] = [];
    for (const cell of element.querySelectorAll('.ag-cell.field-cell')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const original = node.nodeValue ?? '';
        const text = original.toLowerCase();
        // Lower-casing a few letters changes their length; offsets would then be wrong.
        if (text.length !== original.length) continue;
        for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + query.length);
          ranges.push(range);
        }
      }
    }
    CSS.highlights.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(paint);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(element, { subtree: true, childList: true, characterData: true });
  const unsubscribe = ctrl.search.subscribe(schedule);
  schedule();
  return () => {
    observer.disconnect();
    unsubscribe();
    cancelAnimationFrame(frame);
    CSS.highlights.delete(SEARCH_HIGHLIGHT);
  };
}
