/**
 * How a stored file is served (docs/decisions/0013). Uploads are untrusted, and they are
 * served from the app's own origin, so nothing a browser would run may ever render there.
 */

/** Raster images: shown in <img> tags and previews, and harmless as a document. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** Types that keep their name in Content-Type (downloads get the right icon and app). */
const PASSIVE_TYPES = new Set(['application/pdf', 'text/plain', 'text/csv', 'application/zip', 'application/msword', 'application/json']);

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

/** The type an upload claims, reduced to its essence; unknown or odd claims are octet-stream. */
export function normalizeMimeType(header: string | undefined): string | undefined {
  const essence = header?.split(';')[0]?.trim().toLowerCase();
  return essence && MIME.test(essence) ? essence : undefined;
}

function isPassive(type: string): boolean {
  if (PASSIVE_TYPES.has(type) || /^(?:audio|video)\//.test(type)) return true;
  // Office documents are application/vnd.*; anything HTML- or XML-like could be a page.
  return type.startsWith('application/vnd.') && !/html|\+xml$/.test(type);
}

export interface ServeHeaders {
  'Content-Type': string;
  'Content-Disposition': string;
  'X-Content-Type-Options': 'nosniff';
  'Content-Security-Policy': string;
  'Cross-Origin-Resource-Policy': 'same-origin';
}

export function serveHeaders(type: string, filename: string): ServeHeaders {
  const inline = INLINE_TYPES.has(type);
  return {
    'Content-Type': inline || isPassive(type) ? type : 'application/octet-stream',
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; ${dispositionFilename(filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name (中文 file names) for the rest. */
export function dispositionFilename(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const MAX_FILENAME = 255;

/** A base name safe to show and offer as a download name: no path, no control characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  return base.replace(/\p{Cc}/gu, '').normalize('NFC').trim().slice(0, MAX_FILENAME) || 'file';
}
