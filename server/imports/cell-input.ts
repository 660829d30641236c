import type { ValueKind } from '../../core/fields/field-type.ts';
import { parseExcelSerial } from '../../core/values/parse-date.ts';
import type { SourceCell } from './source.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// What our exports put before a cell that Excel would run as a formula (see exports); an
// import takes it off again, so an export → import round trip gives back the same text.
const NEUTRALIZED = /^'(?=[=+\-@\t\r])/;
const APOSTROPHE = 39;

/** An .xlsx date serial as people write it: "2025-02-06" or "2025-02-06 09:30:00". */
export function serialText(serial: number, withTime: boolean): string {
  const parsed = parseExcelSerial(serial);
  if (!parsed.ok || !parsed.value) return String(serial);
  const { year, month, day, time } = parsed.value;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return withTime && time ? `${date} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}` : date;
}

/** A cell as text, the way Excel shows it (for text fields, previews and error reports). */
export function cellText(cell: SourceCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.replace(NEUTRALIZED, '');
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell === true ? 'TRUE' : cell === false ? 'FALSE' : String(cell);
  switch (cell.format) {
    case 'date': return serialText(cell.value, false);
    case 'datetime': return serialText(cell.value, true);
    case 'percent': return `${Number.parseFloat((cell.value * 100).toPrecision(15))}%`;
    case 'currency': return String(cell.value);
  }
}

/**
 * What a field type's coerce gets for a cell: typed .xlsx values stay typed where the
 * field's kind reads them (a date serial for a date field, the number for number kinds,
 * a boolean for a checkbox); everything else is the cell's text.
 */
export function coerceInput(cell: SourceCell, kind: ValueKind): unknown {
  if (cell === null) return null;
  // Hot: one character code decides for almost every cell, without a regex.
  if (typeof cell === 'string') return cell.charCodeAt(0) === APOSTROPHE ? cell.replace(NEUTRALIZED, '') : cell;
  if (typeof cell === 'boolean') return kind === 'boolean' ? cell : cellText(cell);
  if (typeof cell === 'number') return kind === 'number' ? cell : cellText(cell);
  if (kind === 'number') return cell.value;
  if (kind === 'date' && (cell.format === 'date' || cell.format === 'datetime')) return cell.value;
  return cellText(cell);
}
