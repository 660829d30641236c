import { useMemo, useRef, useState } from 'react';
import type { Member } from '../grid/types.ts';
import { userColor } from '../presence/user-color.ts';
import type { CellEditorProps, CellRendererProps } from './cell-kit.ts';
import { useNativeKeys } from './use-native-keys.ts';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  // Chinese names read by their characters: 张伟 → 张; Latin names by word: Mei Lin → ML.
  if (words.length >= 2 && /^[A-Za-z]/.test(words[0]!)) return (words[0]![0]! + words[1]![0]!).toUpperCase();
  return Array.from(name.trim())[0]?.toUpperCase() ?? '?';
}

export function Avatar({ id, name, size = 'small' }: { id: string; name: string; size?: 'small' | 'medium' }) {
  return (
    <span className={`avatar-dot ${size}`} style={{ background: userColor(id) }} aria-hidden="true">{initials(name)}</span>
  );
}

export function UserChip({ member, id }: { member: Member | undefined; id: string }) {
  const name = member?.name ?? id;
  return (
    <span className="user-cell" title={member?.email}>
      <Avatar id={id} name={name} />
      <span className="user-cell-name">{name}</span>
    </span>
  );
}

export function UserCell({ value, cell }: CellRendererProps) {
  if (typeof value !== 'string' || !value) return null;
  return <UserChip id={value} member={cell.memberById.get(value)} />;
}

/** Picks one of the base's members; typing searches names and emails. */
export function UserEditor({ value, typed, field, cell, onChange, commit }: CellEditorProps) {
  const [query, setQuery] = useState(typed ?? '');
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? cell.members.filter((m) => m.name.toLowerCase().includes(needle) || m.email.toLowerCase().includes(needle)) : cell.members;
  }, [cell.members, query]);

  useNativeKeys(box, (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setActive((index) => Math.max(0, Math.min(shown.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
      return true;
    }
    if (event.key === 'Enter' && shown[active]) onChange(shown[active]!.id);
    return false; // Enter goes on to the grid, which closes the editor with the pick
  });

  return (
    <div className="picker" ref={box}>
      <input autoFocus className="picker-search" aria-label={cell.t('grid.searchMembers')} placeholder={cell.t('grid.searchMembers')} value={query}
        onChange={(event) => { setQuery(event.target.value); setActive(0); }} />
      <ul className="picker-list" role="listbox" aria-label={field.name}>
        {shown.map((member, index) => (
          <li key={member.id} role="option" aria-selected={member.id === value} className={index === active ? 'active' : undefined}
            onMouseEnter={() => setActive(index)} onMouseDown={(event) => event.preventDefault()}
            onClick={() => { onChange(member.id); commit(); }}>
            <span className="picker-check" aria-hidden="true">{member.id === value ? '✓' : ''}</span>
            <UserChip id={member.id} member={member} />
            <span className="muted tiny">{member.email}</span>
          </li>
        ))}
        {shown.length === 0 ? <li className="picker-empty">{cell.t('grid.noMatches')}</li> : null}
      </ul>
      {value ? (
        <div className="picker-actions">
          <button type="button" className="button ghost small" onClick={() => { onChange(null); commit(); }}>{cell.t('grid.clear')}</button>
        </div>
      ) : null}
    </div>
  );
}
