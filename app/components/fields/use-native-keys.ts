import { useEffect, type RefObject } from 'react';

/**
 * Keys an editor handles itself, caught natively on its own element: the grid listens
 * natively on the cell (or popup) around it, before React's root listener would run, so
 * a React onKeyDown could not stop the grid from also moving or committing. The handler
 * returns true for keys it took; those stop there.
 */
export function useNativeKeys(ref: RefObject<HTMLElement | null>, handler: (event: KeyboardEvent) => boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return; // an IME is composing a Chinese word: its keys are its own
      if (handler(event)) {
        event.stopPropagation();
        event.preventDefault();
      }
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  });
}
