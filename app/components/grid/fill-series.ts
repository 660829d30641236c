/**
 * What the fill handle writes: the source cells of one line (a column when filling up or
 * down, a row when filling left or right) continued for `count` cells, nearest cell first.
 * Pure, so every direction and every kind of series is tested without a browser.
 *
 * As in Excel: two or more numbers continue their linear trend (5, 10 → 15, 20); one date
 * steps a day, two or more their step (whole months when they share the day of the month);
 * text ending in a number counts on ("客户 1" → "客户 2", "A009" → "A010"); anything else,
 * or a mix, repeats the source cells' pattern. Filling up or left continues the series
 * backwards (5, 10 dragged up → 0, -5).
 */
export type FillMode = 'series' | 'copy';

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const TRAILING_NUMBER = /^([\s\S]*?)(\d{1,15})$/;

export function continueSeries(source: readonly unknown[], count: number, options: { backwards?: boolean; mode?: FillMode } = {}): unknown[] {
  if (count <= 0 || !source.length) return [];
  // Backwards is forwards over the reversed source: the cell next to the source comes first.
  const line = options.backwards ? [...source].reverse() : source;
  // A lone date or numbered text steps by one, downwards when filling up or left.
  const unit = options.backwards ? -1 : 1;
  if (options.mode !== 'copy') {
    const series = numberSeries(line, count) ?? dateSeries(line, count, unit) ?? textSeries(line, count, unit);
    if (series) return series;
  }
  return copyPattern(line, count);
}

/** The source repeated, aligned so that the pattern runs on unbroken from the source. */
export function copyPattern(line: readonly unknown[], count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => line[i % line.length] ?? null);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Floating-point noise off (0.1 + 0.2 is 0.3 in a spreadsheet). */
const tidy = (value: number) => Number.parseFloat(value.toPrecision(15));

/**
 * The least-squares line through the values at 0…n-1, continued at n, n+1… — for evenly
 * spaced values that is their step; for uneven ones Excel's trend.
 */
function trend(values: readonly number[], count: number): number[] {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((value, x) => {
    num += (x - meanX) * (value - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = den ? num / den : 0;
  return Array.from({ length: count }, (_, i) => tidy(meanY + slope * (n + i - meanX)));
}

function numberSeries(line: readonly unknown[], count: number): number[] | undefined {
  // One number is copied, as in Excel (Ctrl+drag there counts on; here, select two cells).
  if (line.length < 2 || !line.every(isNumber)) return undefined;
  return trend(line, count);
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function dayOf(value: string): Day {
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `months` after a day, the day kept or pulled back to the month's last (Jan 31 + 1 month = Feb 28). */
function addMonths(day: Day, months: number): string {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day.day, last))}`;
}

function dateMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || INSTANT.test(value))) return undefined;
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

function dateSeries(line: readonly unknown[], count: number, unit: number): string[] | undefined {
  const times = line.map(dateMs);
  if (!times.every((ms): ms is number => ms !== undefined)) return undefined;
  const n = line.length;
  const dateOnly = line.every((value) => DATE_ONLY.test(value as string));
  if (dateOnly && n >= 2) {
    const days = (line as string[]).map(dayOf);
    const monthIndex = days.map((d) => d.year * 12 + d.month);
    const step = monthIndex[1]! - monthIndex[0]!;
    const monthly = step !== 0 && days.every((d, i) => d.day === days[0]!.day && monthIndex[i]! - monthIndex[0]! === step * i);
    if (monthly) return Array.from({ length: count }, (_, i) => addMonths(days[n - 1]!, step * (i + 1)));
  }
  const last = times[n - 1]!;
  let step = n >= 2 ? (last - times[0]!) / (n - 1) : DAY * unit;
  if (dateOnly) step = Math.round(step / DAY) * DAY;
  return Array.from({ length: count }, (_, i) => {
    const iso = new Date(last + step * (i + 1)).toISOString();
    return dateOnly ? iso.slice(0, 10) : iso;
  });
}

function textSeries(line: readonly unknown[], count: number, unit: number): string[] | undefined {
  const parts = line.map((value) => (typeof value === 'string' ? TRAILING_NUMBER.exec(value) : null));
  if (!parts.every((match): match is RegExpExecArray => match !== null)) return undefined;
  const prefix = parts[0]![1]!;
  if (!parts.every((match) => match[1] === prefix)) return undefined;
  const numbers = parts.map((match) => Number(match[2]));
  const lastDigits = parts[parts.length - 1]![2]!;
  // "A009": the zeros are part of the code, so the width stays (A010); "A9" grows (A10).
  const width = lastDigits.length > 1 && lastDigits.startsWith('0') ? lastDigits.length : 1;
  const next = numbers.length >= 2 ? trend(numbers, count).map(Math.round) : Array.from({ length: count }, (_, i) => numbers[0]! + unit * (i + 1));
  // Below zero Excel counts on by size (Item 1 dragged up: Item 0, Item 1, Item 2): no "Item -1".
  return next.map((n) => `${prefix}${pad(Math.abs(n), width)}`);
}
