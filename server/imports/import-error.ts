import { AppError, type ErrorCode } from '../errors.ts';

/** Where in a file a problem is: the sheet (xlsx), the 1-based row as Excel numbers it, the column's header. */
export interface FilePlace {
  sheet?: string;
  row?: number;
  column?: string;
}

/**
 * A file that cannot be imported. The message names the place first ("row 7, column 备注:")
 * so that a person can find it in Excel; details carry the same place for programs.
 */
export function fileError(code: ErrorCode, place: FilePlace, problem: string): AppError {
  return new AppError(code, `${describePlace(place)}${problem}`, { ...place });
}

export function describePlace(place: FilePlace): string {
  const parts: string[] = [];
  if (place.sheet !== undefined) parts.push(`sheet ${JSON.stringify(place.sheet)}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
