import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.ts';

const HASH = /^[0-9a-f]{64}$/;

/** `<dataDir>/attachments/<hash[0..2]>/<hash>`: content-addressed, so a file is stored once. */
export function attachmentPath(dataDir: string, hash: string): string {
  if (!HASH.test(hash)) throw new Error(`not an attachment hash: ${JSON.stringify(hash)}`);
  return path.join(dataDir, 'attachments', hash.slice(0, 2), hash);
}

export interface StoredFile {
  hash: string;
  size: number;
}

/**
 * Streams `body` to a temp file beside the store while hashing it, then moves it into
 * place (rename is atomic on one file system, so a reader never sees half a file). More
 * than `maxBytes` aborts with 413 and leaves nothing behind.
 */
export async function storeStream(dataDir: string, body: Readable, maxBytes: number): Promise<StoredFile> {
  const tmpDir = path.join(dataDir, 'attachments', 'tmp');
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(tooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // Not pipeline(body, …): on a size error it would destroy the request and with it the
  // socket, so the client would never see the 413. The body is unpiped and left paused.
  const sink = pipeline(meter, fs.createWriteStream(tmpPath, { flags: 'wx' }));
  const stopWatching = finished(body, (error) => {
    if (error) meter.destroy(error);
  });
  body.pipe(meter);
  try {
    await sink;
  } catch (error) {
    await fs.promises.rm(tmpPath, { force: true });
    if (error instanceof AppError) throw error;
    // A client that hangs up mid-upload is not a server fault.
    const code = (error as { code?: string }).code;
    if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ECONNABORTED') {
      throw new AppError('INVALID_REQUEST', 'the upload was interrupted');
    }
    throw error;
  } finally {
    stopWatching();
    body.unpipe(meter);
  }
  const digest = hash.digest('hex');
  const finalPath = attachmentPath(dataDir, digest);
  await fs.promises.mkdir(path.dirname(finalPath), { recursive: true });
  if (fs.existsSync(finalPath)) await fs.promises.rm(tmpPath, { force: true });
  else await fs.promises.rename(tmpPath, finalPath);
  return { hash: digest, size };
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('TOO_LARGE', `a file may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB`, { maxBytes });
}
