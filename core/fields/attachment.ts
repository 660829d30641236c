import { compareText, describeInput, isBlankInput, quote } from '../values/text.ts';
import type { Attachment, CoerceContext, FieldType } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { noOptions, TEXT_COLUMN, type NoOptions } from './text-common.ts';

export const ATTACHMENT_URL_PREFIX = '/api/v1/attachments/';
const HASH = /^[0-9a-f]{64}$/i;
const HASH_IN_URL = /\/api\/v1\/attachments\/([0-9a-f]{64})(?:[/?#]|$)/i;
const MIME = /^[a-z0-9][\w.+-]*\/[\w.+-]+$/i;
const MAX_FILENAME = 255;

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  svg: 'image/svg+xml', heic: 'image/heic', pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv',
  json: 'application/json', zip: 'application/zip', mp3: 'audio/mpeg', mp4: 'video/mp4',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function attachmentUrl(hash: string): string {
  return `${ATTACHMENT_URL_PREFIX}${hash}`;
}

export function guessMimeType(filename: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return (extension && MIME_BY_EXTENSION[extension]) || 'application/octet-stream';
}

/** A base name safe to show and to offer as a download name: no path, no control characters. */
function cleanFilename(name: string): string {
  return (name.split(/[/\\]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, MAX_FILENAME);
}

/**
 * One attachment object → its full shape. Only files already uploaded (named by content
 * hash, as id or as their /api/v1/attachments/<hash> url) are accepted: coerce never
 * fetches, so a foreign url has to be uploaded first.
 */
function coerceItem(item: unknown, ctx: CoerceContext): { ok: true; value: Attachment } | { ok: false; error: string } {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return { ok: false, error: `expects attachment objects like {"id": "<sha-256>"}, got ${describeInput(item)}` };
  }
  const { id, url, filename, size, type } = item as Record<string, unknown>;
  if (id !== undefined && (typeof id !== 'string' || !HASH.test(id))) {
    return { ok: false, error: `${quote(id)} is not an attachment id (the file's SHA-256 as 64 hex digits)` };
  }
  if (url !== undefined && typeof url !== 'string') return { ok: false, error: `attachment url must be text, got ${describeInput(url)}` };
  const fromUrl = url ? HASH_IN_URL.exec(url)?.[1] : undefined;
  if (url && !fromUrl) return { ok: false, error: `${quote(url)} is not an uploaded attachment: upload the file first` };
  const hash = (id ?? fromUrl)?.toLowerCase();
  if (!hash) return { ok: false, error: 'an attachment needs its id or the url of an uploaded file' };
  if (fromUrl && fromUrl.toLowerCase() !== hash) return { ok: false, error: `attachment id ${quote(id)} and url ${quote(url)} name different files` };
  if (size !== undefined && (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)) {
    return { ok: false, error: `${quote(size)} is not a file size in bytes` };
  }
  if (type !== undefined && (typeof type !== 'string' || !MIME.test(type))) {
    return { ok: false, error: `${quote(type)} is not a MIME type` };
  }
  if (filename !== undefined && typeof filename !== 'string') {
    return { ok: false, error: `attachment filename must be text, got ${describeInput(filename)}` };
  }
  if (ctx.resolveAttachment) {
    const stored = ctx.resolveAttachment(hash);
    if (!stored) return { ok: false, error: `attachment ${hash} has not been uploaded to this base: upload the file first` };
    const name = (filename && cleanFilename(filename)) || cleanFilename(stored.filename) || hash.slice(0, 12);
    return { ok: true, value: { id: hash, filename: name, size: stored.size, type: stored.type, url: attachmentUrl(hash) } };
  }
  const name = (filename && cleanFilename(filename)) || hash.slice(0, 12);
  return {
    ok: true,
    value: {
      id: hash,
      filename: name,
      // 0 where no database is at hand to tell (the server's write path has one: above).
      size: size ?? 0,
      type: type?.toLowerCase() ?? guessMimeType(name),
      url: attachmentUrl(hash),
    },
  };
}

function isAttachment(item: unknown): item is Attachment {
  if (!item || typeof item !== 'object') return false;
  const a = item as Record<string, unknown>;
  return typeof a.id === 'string' && HASH.test(a.id) && typeof a.filename === 'string' &&
    typeof a.size === 'number' && typeof a.type === 'string' && typeof a.url === 'string';
}

function parseStored(raw: unknown): Attachment[] | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    if (error instanceof SyntaxError) return null; // bad stored data reads as empty
    throw error;
  }
  const items = Array.isArray(value) ? value.filter(isAttachment) : [];
  return items.length ? items.map(({ id, filename, size, type, url }) => ({ id, filename, size, type, url })) : null;
}

/** Value: Attachment[] in the order given (the first is the cover); stored as JSON text. */
export const attachment: FieldType<NoOptions, Attachment[]> = {
  name: 'attachment',
  options: noOptions,
  storage: TEXT_COLUMN,
  kind: 'attachment',
  readOnly: false,
  operators: OPERATORS_BY_KIND.attachment,
  coerce(input, _options, ctx) {
    if (isBlankInput(input)) return { ok: true, value: null };
    const items = Array.isArray(input) ? input : ctx.typecast && typeof input === 'object' ? [input] : undefined;
    if (!items) return { ok: false, error: `expects a list of attachments, got ${describeInput(input)}` };
    const value: Attachment[] = [];
    for (const item of items) {
      const result = coerceItem(item, ctx);
      if (!result.ok) return result;
      value.push(result.value);
    }
    return { ok: true, value: value.length ? value : null };
  },
  toStorage: (value) => (value && value.length ? JSON.stringify(value) : null),
  fromStorage: (raw) => parseStored(raw),
  format: (value) => (value ?? []).map((file) => file.filename).join(', '),
  compare(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareText(a[i]!.filename, b[i]!.filename);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  },
};
