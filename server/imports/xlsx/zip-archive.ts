import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../../errors.ts';
import { IMPORT_LIMITS } from '../limits.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * The zip container of an .xlsx, read through its central directory (yauzl). Zip bombs are
 * refused up front from the declared sizes (total, and the inflation ratio of each part),
 * and yauzl checks while inflating that no part yields more bytes than it declared, so a
 * lying header fails instead of filling memory or disk.
 */
export class ZipArchive {
  private constructor(private readonly zip: ZipFile, private readonly entries: Map<string, Entry>) {}

  static async open(path: string): Promise<ZipArchive> {
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, file) => {
        if (error) reject(damaged(error));
        else resolve(file);
      });
    });
    try {
      const entries = await readEntries(zip);
      checkBomb(entries);
      return new ZipArchive(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A small part, whole; parts beyond the limit are refused (they are streamed or unneeded). */
  async readText(name: string): Promise<string> {
    this.requireWholePart(name);
    let text = '';
    for await (const chunk of this.streamText(name)) text += chunk;
    return text;
  }

  /** A part as UTF-8 text chunks, inflated as it is read; `onBytes` counts compressed bytes read. */
  async *streamText(name: string, onBytes?: (compressed: number) => void): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.streamBytes(name, onBytes)) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  }

  /** A part's inflated bytes, undecoded: for scans that look for ASCII markup only. */
  async *streamBytes(name: string, onBytes?: (compressed: number) => void): AsyncGenerator<Buffer> {
    const entry = this.requireEntry(name);
    const stream = await new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, readable) => (error ? reject(damaged(error)) : resolve(readable)));
    });
    let inflated = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        onBytes?.(Math.round((chunk.length * entry.compressedSize) / Math.max(1, entry.uncompressedSize)));
        yield chunk;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damaged(error as Error, `${name} after ${inflated.toLocaleString('en')} bytes`);
    } finally {
      stream.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }

  /** Parts kept in memory whole (workbook, styles, shared strings) have a size limit. */
  requireWholePart(name: string): void {
    const entry = this.requireEntry(name);
    if (entry.uncompressedSize > IMPORT_LIMITS.xlsxWholePartBytes) {
      throw new AppError('TOO_LARGE', `the .xlsx part ${name} is ${mb(entry.uncompressedSize)}, more than the ${mb(IMPORT_LIMITS.xlsxWholePartBytes)} a workbook part may have`, { part: name });
    }
  }

  private requireEntry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new AppError('INVALID_REQUEST', `the .xlsx file is damaged: its part ${name} is missing`, { part: name });
    return entry;
  }
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      if (entries.size >= IMPORT_LIMITS.xlsxEntries) {
        reject(new AppError('TOO_LARGE', `the .xlsx file has more than ${IMPORT_LIMITS.xlsxEntries} parts; a workbook never has that many`));
        return;
      }
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(damaged(error)));
    zip.readEntry();
  });
}

function checkBomb(entries: Map<string, Entry>): void {
  let total = 0;
  for (const [name, entry] of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.xlsxCompressionRatio) {
      throw new AppError('TOO_LARGE', `the .xlsx part ${name} would inflate ${Math.round(ratio).toLocaleString('en')} times (${mb(entry.compressedSize)} → ${mb(entry.uncompressedSize)}): refused as a zip bomb; real sheets compress at most ${IMPORT_LIMITS.xlsxCompressionRatio} times`, { part: name });
    }
  }
  if (total > IMPORT_LIMITS.xlsxUncompressedBytes) {
    throw new AppError('TOO_LARGE', `the .xlsx file would inflate to ${mb(total)}, more than the ${mb(IMPORT_LIMITS.xlsxUncompressedBytes)} an import may: refused as a zip bomb or too large a workbook`, { uncompressedBytes: total });
  }
}

function damaged(error: Error, where?: string): AppError {
  return new AppError('INVALID_REQUEST', `the .xlsx file is damaged or truncated${where ? ` (in ${where})` : ''}: ${error.message}`, {});
}
