import { useEffect, useRef, useState } from 'react';
import { DATE_ONLY } from '../../../core/values/date-value.ts';
import { epochToWallTime } from '../../../core/values/time-zone.ts';
import type { GridField } from '../grid/types.ts';
import type { CellContext, CellEditorProps } from './cell-kit.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The zone a date field reads and shows wall times in: its own, else the base's. */
function zoneOf(field: GridField, cell: CellContext): string {
  return typeof field.options.timeZone === 'string' ? field.options.timeZone : cell.timeZone;
}

/**
 * A date value as text the field's coerce reads back unchanged: `2024-01-05`, or the wall
 * time in the field's zone `2024-01-05 13:45` (never the UTC instant, which nobody types).
 */
export function dateEditText(value: unknown, field: GridField, cell: CellContext): string {
  if (typeof value !== 'string' || !value) return '';
  if (DATE_ONLY.test(value)) return value;
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch)) return value;
  const wall = epochToWallTime(epoch, zoneOf(field, cell));
  const day = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  return field.options.includeTime === true ? `${day} ${pad(wall.hour)}:${pad(wall.minute)}` : day;
}

/**
 * Typed text (any form the date type reads: 2024/1/5, 2024年1月5日 …) with the browser's
 * picker beside it. The picker works in the field's zone; the zone is named under it.
 */
export function DateEditor({ initialText, field, cell, onChange }: CellEditorProps) {
  const includeTime = field.options.includeTime === true;
  const [text, setText] = useState(initialText);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    onChange(initialText);
    input.current?.focus();
    input.current?.setSelectionRange(initialText.length, initialText.length);
    // Runs on opening only: later changes go through update().
  }, []);
  const update = (next: string) => {
    setText(next);
    onChange(next);
  };
  const pickerValue = includeTime ? text.replace(' ', 'T') : text;
  return (
    <div className="date-editor">
      <div className="date-editor-row">
        <input ref={input} className="cell-input" aria-label={field.name} value={text} placeholder={includeTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
          onChange={(event) => update(event.target.value)} />
        <input
          type={includeTime ? 'datetime-local' : 'date'}
          className="date-picker"
          aria-label={cell.t('grid.pickDate')}
          value={/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(pickerValue) ? pickerValue : ''}
          onChange={(event) => update(includeTime ? event.target.value.replace('T', ' ') : event.target.value)}
        />
      </div>
      {includeTime ? <p className="editor-hint">{cell.t('grid.timeZoneHint', { zone: zoneOf(field, cell) })}</p> : null}
    </div>
  );
}
