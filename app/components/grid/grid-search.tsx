import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import './group.css';

/** Typing pauses this long before the grid asks the server (a query per keystroke would waste it). */
const DEBOUNCE_MS = 250;
const same = <T,>(value: T) => value;

/**
 * The toolbar's search box: narrows the grid to the records whose shown text contains the
 * query (any case; Chinese too), says how many match, and the grid highlights the matched
 * text. Ctrl/⌘+F while the grid has focus comes here instead of the browser's find, which
 * cannot see the rows a 1M-row grid has not loaded. Esc clears it.
 */
export function GridSearch({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => ctrl.search.get());
  const input = useRef<HTMLInputElement>(null);
  const search = useStore(ctrl.search, same);
  const total = useStore(ctrl.total, same);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const query = text.trim();
    if (query === ctrl.search.get()) {
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      ctrl.setSearch(query);
      void ctrl.whenRefreshed().then(() => setPending(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ctrl, text]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f' || event.shiftKey || event.altKey) return;
      const shell = input.current?.closest('.grid-shell');
      const active = document.activeElement;
      // Only when the grid (or this box) has focus: elsewhere the browser's find is fine.
      if (!shell || !active || !shell.contains(active) || ctrl.editing) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ctrl]);

  return (
    <span className="grid-search" role="search">
      <input
        ref={input}
        type="search"
        value={text}
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
          }
        }}
      />
      {search ? (
        <span className="muted small search-count" aria-live="polite">
          {pending || total === null ? t('search.searching') : t('search.matches', { count: total })}
        </span>
      ) : null}
      {text ? <button type="button" className="clear-search" aria-label={t('search.clear')} onClick={() => setText('')}>×</button> : null}
    </span>
  );
}
