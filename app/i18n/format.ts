import type { Locale } from './locale.ts';

// Formatters are costly to build and the same few are used on every render.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the reader's language, in the base's time zone: the same instant reads the
 * same on the server and in every browser, so server and client renders agree.
 */
export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
