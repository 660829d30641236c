import { useMemo, useRef, useState } from 'react';
import type { Choice } from '../../../core/fields/select-choices.ts';
import type { CellEditorProps, CellRendererProps } from './cell-kit.ts';
import { useNativeKeys } from './use-native-keys.ts';

function choicesOf(options: Record<string, unknown>): Choice[] {
  return Array.isArray(options.choices) ? (options.choices as Choice[]) : [];
}

export function Chip({ name, color }: { name: string; color: string | undefined }) {
  return <span className={`chip chip-${color ?? 'gray'}`} title={name}>{name}</span>;
}

function colorOf(choices: readonly Choice[], name: string): string | undefined {
  return choices.find((choice) => choice.name === name)?.color;
}

export function SingleSelectCell({ value, field }: CellRendererProps) {
  if (typeof value !== 'string' || !value) return null;
  return <span className="chips"><Chip name={value} color={colorOf(choicesOf(field.options), value)} /></span>;
}

export function MultiSelectCell({ value, field }: CellRendererProps) {
  if (!Array.isArray(value) || !value.length) return null;
  const choices = choicesOf(field.options);
  return <span className="chips">{value.map((name: string) => <Chip key={name} name={name} color={colorOf(choices, name)} />)}</span>;
}

/**
 * A searchable list of the field's choices. Single select: Enter or a click picks and
 * closes. Multiple: Enter or a click toggles, Backspace in an empty search removes the last.
 */
export function SelectEditor({ value, typed, field, cell, onChange, commit }: CellEditorProps) {
  const multiple = field.type === 'multipleSelects';
  const choices = choicesOf(field.options);
  const [query, setQuery] = useState(typed ?? '');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<string[]>(() => (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []));
  const box = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? choices.filter((choice) => choice.name.toLowerCase().includes(needle)) : choices;
  }, [choices, query]);

  const choose = (name: string) => {
    if (!multiple) {
      onChange(name);
      setPicked([name]);
      return;
    }
    const next = picked.includes(name) ? picked.filter((item) => item !== name) : [...picked, name];
    setPicked(next);
    onChange(next.length ? next : null);
  };

  useNativeKeys(box, (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(shown.length - 1, index + step)));
      return true;
    }
    if (event.key === 'Enter') {
      const choice = shown[active];
      if (choice) choose(choice.name);
      // Single: let Enter reach the grid, which closes the editor with the value just set.
      return multiple;
    }
    if (event.key === 'Backspace' && multiple && query === '' && picked.length) {
      choose(picked[picked.length - 1]!);
      return true;
    }
    return false;
  });

  return (
    <div className="picker" ref={box}>
      {multiple && picked.length ? (
        <div className="picker-picked">
          {picked.map((name) => (
            <button key={name} type="button" className="chip-button" onClick={() => choose(name)} aria-label={cell.t('grid.removeItem', { name })}>
              <span className={`chip chip-${colorOf(choices, name) ?? 'gray'}`}>{name} ×</span>
            </button>
          ))}
        </div>
      ) : null}
      <input
        autoFocus
        className="picker-search"
        aria-label={cell.t('grid.searchChoices')}
        placeholder={cell.t('grid.searchChoices')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <ul className="picker-list" role="listbox" aria-multiselectable={multiple || undefined} aria-label={field.name}>
        {shown.map((choice, index) => (
          <li
            key={choice.id}
            role="option"
            aria-selected={picked.includes(choice.name)}
            className={index === active ? 'active' : undefined}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              choose(choice.name);
              if (!multiple) commit();
            }}
          >
            <span className="picker-check" aria-hidden="true">{picked.includes(choice.name) ? '✓' : ''}</span>
            <Chip name={choice.name} color={choice.color} />
          </li>
        ))}
        {shown.length === 0 ? <li className="picker-empty">{cell.t('grid.noMatches')}</li> : null}
      </ul>
      <div className="picker-actions">
        {picked.length ? (
          <button type="button" className="button ghost small" onClick={() => { setPicked([]); onChange(null); if (!multiple) commit(); }}>
            {cell.t('grid.clear')}
          </button>
        ) : <span />}
        {multiple ? <button type="button" className="button primary small" onClick={commit}>{cell.t('grid.done')}</button> : null}
      </div>
    </div>
  );
}
