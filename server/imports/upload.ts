import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../errors.ts';
import { IMPORT_LIMITS } from './limits.ts';

export interface Upload {
  /** The file as received, in the data dir's uploads folder; the caller deletes it. */
  path: string;
  fileName: string;
  size: number;
  options?: string;
}

/** Uploads wait here until their import ends; a restart deletes what no job needs. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'import-uploads');
}

const tooLarge = (format: string, limit: number) =>
  new AppError('TOO_LARGE', `the ${format} file is larger than ${limit / 1024 / 1024} MB, the most an import takes`, { limitBytes: limit });

/**
 * Streams a multipart upload (busboy) to a file: the `file` part goes to disk as it arrives,
 * never whole into memory, and is cut off at the size limit of its format — 100 MB for an
 * .xlsx (recognized by its zip signature), 1 GB for text. The `options` part is JSON text.
 */
export async function receiveUpload(req: Request, dataDir: string): Promise<Upload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data with a "file" part (and an optional JSON "options" part)');
  }
  const dir = uploadsDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  let fileName: string | undefined;
  let options: string | undefined;
  let size = 0;
  let written: Promise<void> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({
        headers: req.headers,
        // Browsers send file names as UTF-8; busboy's default Latin-1 would garble 客户.csv.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 5, parts: 10, fieldSize: IMPORT_LIMITS.optionsBytes, fileSize: IMPORT_LIMITS.csvBytes + 1 },
      });
      const fail = (error: unknown) => {
        req.unpipe(parser);
        reject(error);
      };
      parser.on('file', (name, stream, info) => {
        if (name !== 'file') {
          stream.resume();
          fail(new AppError('INVALID_REQUEST', `unexpected file part ${JSON.stringify(name)}; the file goes in the part named "file"`));
          return;
        }
        fileName = info.filename || 'import';
        const counter = new SizeLimit((n) => (size = n));
        stream.on('limit', () => counter.destroy(tooLarge('CSV', IMPORT_LIMITS.csvBytes)));
        written = pipeline(stream, counter, fs.createWriteStream(target));
        written.catch(fail);
      });
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) fail(new AppError('TOO_LARGE', `the ${name} part is larger than ${IMPORT_LIMITS.optionsBytes / 1024} KB`));
        else if (name === 'options') options = value;
      });
      parser.on('partsLimit', () => fail(new AppError('INVALID_REQUEST', 'too many parts: send "file" and "options" only')));
      parser.on('filesLimit', () => fail(new AppError('INVALID_REQUEST', 'send one file per import')));
      parser.on('error', (error: Error) => fail(new AppError('INVALID_REQUEST', `the multipart body is malformed: ${error.message}`)));
      parser.on('close', () => {
        if (!written) return fail(new AppError('INVALID_REQUEST', 'the upload has no "file" part'));
        written.then(resolve, fail);
      });
      req.pipe(parser);
    });
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
  return { path: target, fileName: fileName!, size, ...(options !== undefined ? { options } : {}) };
}

/** Counts bytes and stops at the limit of the format its first bytes reveal. */
class SizeLimit extends Transform {
  private bytes = 0;
  private limit: number = IMPORT_LIMITS.csvBytes;
  private format = 'CSV';

  constructor(private readonly report: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.bytes === 0 && chunk[0] === 0x50 && chunk[1] === 0x4b) {
      this.limit = IMPORT_LIMITS.xlsxBytes;
      this.format = '.xlsx';
    }
    this.bytes += chunk.length;
    this.report(this.bytes);
    if (this.bytes > this.limit) callback(tooLarge(this.format, this.limit));
    else callback(null, chunk);
  }
}
