// Fractional ranks for a view's manual card order (decision 0070): strings over
// [0-9A-Za-z] compared byte-wise (SQLite's BINARY collation), so a card moves between two
// others by writing one row, never renumbering its neighbours. Ranks never end in '0': a
// key with a trailing zero has no key just below it at the same length.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const RANK = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isRank(text: string): boolean {
  return text.length <= 200 && RANK.test(text);
}

/**
 * A rank strictly between `low` and `high` (either may be absent: the open end). The
 * midpoint of digit strings read as base-62 fractions, as in fractional indexing.
 */
export function rankBetween(low: string | null, high: string | null): string {
  if (low !== null && high !== null && low >= high) throw new Error(`rank ${low} is not below ${high}`);
  return midpoint(low ?? '', high);
}

function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    // A shared prefix is kept; the midpoint is found after it.
    let shared = 0;
    while (shared < high.length && (low[shared] ?? '0') === high[shared]) shared += 1;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low ? DIGITS.indexOf(low[0]!) : 0;
  const highDigit = high !== null ? DIGITS.indexOf(high[0]!) : BASE;
  if (highDigit - lowDigit > 1) return DIGITS[Math.round((lowDigit + highDigit) / 2)]!;
  // Adjacent digits: the high one alone if high goes on (it is then above low and below high).
  if (high !== null && high.length > 1) return high.slice(0, 1);
  return DIGITS[lowDigit]! + midpoint(low.slice(1), null);
}

/**
 * `count` ascending ranks all above `after` (or from the start), for giving a run of
 * unranked cards their places at once: fixed-width keys under the prefix `after`, digits
 * 1–z only, so no key ends in '0' and the keys sort as their numbers do.
 */
export function ranksAfter(after: string | null, count: number): string[] {
  const digits = BASE - 1;
  let width = 1;
  while (digits ** width < count + 1) width += 1;
  const step = Math.max(1, Math.floor((digits ** width - 1) / (count + 1)));
  const prefix = after ?? '';
  return Array.from({ length: count }, (_, index) => prefix + fixedWidth(step * (index + 1), width, digits));
}

function fixedWidth(value: number, width: number, digits: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    text = DIGITS[1 + (rest % digits)]! + text;
    rest = Math.floor(rest / digits);
  }
  return text;
}
