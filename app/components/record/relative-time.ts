// "3 minutes ago" / "3分钟前" through Intl.RelativeTimeFormat: the browser's ICU knows every
// language's words and plurals, so no message file spells them out.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each unit is used below its limit (in ms), rounding to whole units as people speak. */
const UNITS: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; size: number; below: number }> = [
  { unit: 'second', size: SECOND, below: 45 * SECOND },
  { unit: 'minute', size: MINUTE, below: 45 * MINUTE },
  { unit: 'hour', size: HOUR, below: 22 * HOUR },
  { unit: 'day', size: DAY, below: 6 * DAY },
  { unit: 'week', size: 7 * DAY, below: 28 * DAY },
  { unit: 'month', size: 30 * DAY, below: 330 * DAY },
  { unit: 'year', size: 365 * DAY, below: Number.POSITIVE_INFINITY },
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeTime(at: string | Date, now: Date, locale: string): string {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const diff = new Date(at).getTime() - now.getTime();
  const size = Math.abs(diff);
  // Under 45 s is "now" (numeric: auto): a clock a few seconds off must not say "in 3 seconds".
  if (size < 45 * SECOND) return format.format(0, 'second');
  const { unit, size: unitSize } = UNITS.find((entry) => size < entry.below)!;
  return format.format(Math.round(diff / unitSize), unit);
}

const absolute = new Map<string, Intl.DateTimeFormat>();

/** The exact moment, for the tooltip beside a relative time, in the base's zone. */
export function absoluteTime(at: string | Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = absolute.get(key);
  if (!format) absolute.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })));
  return format.format(new Date(at));
}
