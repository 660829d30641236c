/**
 * Spreadsheet formula injection (CWE-1236): a cell starting with = + - @, a tab or a carriage
 * return may run as a formula when the file is opened in Excel or LibreOffice. Such text gets
 * a leading apostrophe, which both show as text; our import takes it off again. Numbers are
 * never text here: number fields are written as numbers, so "-1,234.50" stays a number.
 */
const TRIGGER = /^[=+\-@\t\r]/;

/** The characters of TRIGGER, for scanners that look at char codes (csv-runs.ts). */
export const FORMULA_TRIGGERS = '=+-@\t\r';

export function neutralize(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}
