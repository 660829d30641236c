import type { FormatContext } from '../../core/fields/field-type.ts';
import type { FieldDef } from '../tables/index.ts';

/**
 * A function from what a column holds to the text of one exported cell, built once per
 * field: `fromStorage`, the type's `format`, then whatever the file format does to text.
 * Most columns repeat their values (choices, dates, percentages, owners), so results are
 * remembered per field; a column of mostly distinct values (names, amounts) stops
 * remembering after a sample, so it pays only the formatting, never a growing map.
 */
export function cellFormatter(field: Pick<FieldDef, 'fieldType' | 'options'>, format: FormatContext, finish: (shown: string) => string): (raw: unknown) => string {
  const { fieldType, options } = field;
  const compute = (raw: unknown) => finish(fieldType.format(fieldType.fromStorage(raw, options), options, format));
  return remembered(compute);
}

/** Calls after which a field's hit rate is judged, and the most distinct values kept. */
const SAMPLE_CALLS = 4096;
const MAX_REMEMBERED = 50_000;

/** `compute` with its results remembered per raw value while that pays (see cellFormatter). */
export function remembered(compute: (raw: unknown) => string): (raw: unknown) => string {
  const known = new Map<unknown, string>();
  let calls = 0;
  let useful = true;
  return (raw) => {
    // -0 and 0 are one Map key but may format differently; neither arrives often.
    if (!useful || Object.is(raw, -0)) return compute(raw);
    if (++calls === SAMPLE_CALLS && known.size > SAMPLE_CALLS / 2) {
      useful = false;
      known.clear();
      return compute(raw);
    }
    const hit = known.get(raw);
    if (hit !== undefined) return hit;
    const text = compute(raw);
    if (known.size < MAX_REMEMBERED) known.set(raw, text);
    return text;
  };
}
