import type { Readable } from 'node:stream';
import fs from 'node:fs';
import { attachmentUrl, guessMimeType } from '../../core/fields/attachment.ts';
import type { Attachment } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import { requireBaseAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { findAttachment, findAttachmentBasesOfMember, insertAttachment, linkAttachmentToBase, type AttachmentRow } from './attachments.repository.ts';
import { cleanFilename, normalizeMimeType, serveHeaders, type ServeHeaders } from './content-headers.ts';
import { attachmentPath, storeStream, tooLarge } from './file-store.ts';

/** Largest upload; a constant until operators ask for a setting (docs/decisions/0013). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface UploadInput {
  body: Readable;
  /** The Content-Type header: the file's type. */
  contentType?: string;
  /** The Content-Length header, when the client sent one. */
  contentLength?: number;
  filename?: string;
}

/**
 * Stores an upload and makes it downloadable by the base's members. Returns the value an
 * attachment field accepts. Editors may upload: it is the first half of editing a cell.
 */
export async function uploadAttachment(ctx: AppContext, actor: Actor, baseId: string, input: UploadInput, maxBytes = MAX_UPLOAD_BYTES): Promise<Attachment> {
  requireBaseAccess(ctx, actor, baseId, 'writeRecords');
  if (input.contentType && /^multipart\//i.test(input.contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file itself as the request body, with its Content-Type and ?filename=');
  }
  if (input.contentLength !== undefined && input.contentLength > maxBytes) throw tooLarge(maxBytes);
  const filename = cleanFilename(input.filename);
  const type = normalizeMimeType(input.contentType) ?? guessMimeType(filename);
  const stored = await storeStream(ctx.config.dataDir, input.body, maxBytes);
  const at = new Date().toISOString();
  ctx.db.transaction(() => {
    insertAttachment(ctx.db, { hash: stored.hash, size: stored.size, type, filename, uploaded_by: actor.userId, created_at: at });
    linkAttachmentToBase(ctx.db, { hash: stored.hash, base_id: baseId, uploaded_by: actor.userId, created_at: at });
  });
  return { id: stored.hash, filename, size: stored.size, type, url: attachmentUrl(stored.hash) };
}

export interface OpenedAttachment {
  row: AttachmentRow;
  path: string;
  headers: ServeHeaders;
}

/**
 * A file the actor may read: someone who can read records in a base it was uploaded to.
 * Everyone else gets 404, whether or not the file exists.
 */
export function openAttachment(ctx: AppContext, actor: Actor, hash: string): OpenedAttachment {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw notFound('attachment');
  let denied: unknown;
  const allowed = findAttachmentBasesOfMember(ctx.db, hash, actor.userId).some((baseId) => {
    try {
      requireBaseAccess(ctx, actor, baseId, 'readRecords');
      return true;
    } catch (error) {
      denied ??= error;
      return false;
    }
  });
  if (!allowed) {
    if (denied instanceof AppError && denied.code === 'FORBIDDEN') throw denied;
    throw notFound('attachment');
  }
  const row = findAttachment(ctx.db, hash);
  const path = attachmentPath(ctx.config.dataDir, hash);
  if (!row || !fs.existsSync(path)) throw notFound('attachment');
  return { row, path, headers: serveHeaders(row.type, row.filename) };
}
