import { commonest, inferTextField, percentField, type InferredField } from '../../core/fields/infer-text-field.ts';
import { cellText } from './cell-input.ts';
import { isEmptyCell, type FormattedNumber, type SourceCell } from './source.ts';

export type { InferredField };

/** A column is of a type when this share of its filled cells reads as that type; the rest are reported. */
const MOSTLY = 0.8;

const text = (cell: SourceCell) => cellText(cell).trim();
const isFormatted = (cell: SourceCell): cell is FormattedNumber => typeof cell === 'object' && cell !== null;

/**
 * The field type a column's sample reads as, with options (choices, currency symbol, whether
 * dates carry a time). Typed .xlsx cells decide by their number format; text is tried against
 * each type's parser, the stricter types first.
 */
export function inferField(header: string, column: readonly SourceCell[]): InferredField {
  const cells = column.filter((cell) => !isEmptyCell(cell));
  if (!cells.length) return { type: 'singleLineText', options: {} };
  const mostly = (test: (cell: SourceCell) => boolean) => cells.filter(test).length >= Math.max(1, MOSTLY * cells.length);

  if (mostly((c) => isFormatted(c) && (c.format === 'date' || c.format === 'datetime'))) {
    const time = cells.some((c) => isFormatted(c) && c.format === 'datetime' && c.value % 1 !== 0);
    return { type: 'date', options: { includeTime: time } };
  }
  if (mostly((c) => isFormatted(c) && c.format === 'percent')) return percentField(cells.map((c) => (isFormatted(c) ? c.value : NaN)));
  if (mostly((c) => isFormatted(c) && c.format === 'currency')) {
    return { type: 'currency', options: { symbol: commonest(cells.map((c) => (isFormatted(c) ? c.symbol : undefined))) ?? '¥', precision: 2 } };
  }
  if (mostly((c) => typeof c === 'boolean')) return { type: 'checkbox', options: {} };
  return inferTextField(header, cells.map(text));
}

