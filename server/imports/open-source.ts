import fs from 'node:fs';
import { AppError } from '../errors.ts';
import { openCsvSource } from './csv-source.ts';
import { IMPORT_LIMITS } from './limits.ts';
import type { FileFormat, ImportSource } from './source.ts';
import { openXlsxSource } from './xlsx-source.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** By content, not name: a renamed file is still what its bytes say. */
export async function detectFormat(path: string): Promise<FileFormat> {
  const handle = await fs.promises.open(path, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const starts = (magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (starts(OLE_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'this is an old Excel 97–2003 (.xls) file; open it in Excel and save it as .xlsx or CSV UTF-8', {});
  }
  return starts(ZIP_MAGIC) ? 'xlsx' : 'csv';
}

/** The largest upload of a format (413 beyond it). */
export function maxBytesOf(format: FileFormat): number {
  return format === 'xlsx' ? IMPORT_LIMITS.xlsxBytes : IMPORT_LIMITS.csvBytes;
}

/** Opens an uploaded file; a CSV's one sheet is named after the file, without its extension. */
export async function openSource(path: string, fileName: string): Promise<ImportSource> {
  const format = await detectFormat(path);
  const { size } = await fs.promises.stat(path);
  if (size === 0) throw new AppError('INVALID_REQUEST', 'the file is empty');
  if (size > maxBytesOf(format)) {
    throw new AppError('TOO_LARGE', `the ${format === 'xlsx' ? '.xlsx' : 'CSV'} file is larger than ${maxBytesOf(format) / 1024 / 1024} MB, the most an import takes`, {});
  }
  if (format === 'xlsx') return openXlsxSource(path);
  const name = fileName.replace(/\.[^.]*$/, '').trim() || 'Imported';
  return openCsvSource(path, name);
}
