import { z } from 'zod';
import { canonicalTimeZone } from '../values/time-zone.ts';

/**
 * Display formats, as Airtable names them. `local` and `friendly` follow the reader's
 * locale (en "1/5/2024", zh-CN "2024/1/5"; "January 5, 2024", "2024年1月5日"); the
 * others are fixed. `iso` is the default: unambiguous in every country and what Chinese
 * teams write anyway.
 */
export const DATE_FORMATS = ['local', 'friendly', 'us', 'european', 'iso'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const TIME_FORMATS = ['24h', '12h'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

export const timeZoneSchema = z
  .string()
  .refine((zone) => canonicalTimeZone(zone) !== undefined, { error: (issue) => `${JSON.stringify(issue.input)} is not a known time zone` })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

/** Options of date and of created/modified time, which differ only in includeTime's default. */
export function dateOptions(includeTimeByDefault: boolean) {
  return z
    .object({
      includeTime: z.boolean().default(includeTimeByDefault),
      dateFormat: z.enum(DATE_FORMATS).default('iso'),
      timeFormat: z.enum(TIME_FORMATS).default('24h'),
      /** The field's own IANA zone, for reading wall times and display; else the base's. */
      timeZone: timeZoneSchema.optional(),
    })
    .prefault({});
}
export type DateOptions = z.output<ReturnType<typeof dateOptions>>;

/** The Excel number format of a date cell in an .xlsx export, with or without the time. */
export function excelDateFormat(withTime: boolean): string {
  return withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
}

