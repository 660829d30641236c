/** The session cookie: one name, one serializer, shared by the REST API and the UI actions. */
export const SESSION_COOKIE = 'tessera_session';
/** An anonymous visitor's explicit language choice; a signed-in user's lives on the account. */
export const LOCALE_COOKIE = 'tessera_locale';

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  httpOnly?: boolean;
}

export function serializeCookie(name: string, value: string, { secure, maxAge, httpOnly = true }: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAge))}`, 'SameSite=Lax'];
  if (maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (httpOnly) parts.push('HttpOnly');
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, token, { secure, maxAge: (expiresAt.getTime() - Date.now()) / 1000 });
}

export function clearSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, '', { secure, maxAge: 0 });
}

/** One cookie's value from a Cookie header, without parsing the others (this runs on every request). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined; // a malformed escape is a cookie we did not set
    }
  }
  return undefined;
}
