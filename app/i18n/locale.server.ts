import { LOCALE_COOKIE, readCookie } from '../../server/auth/index.ts';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from './locale.ts';

/**
 * The page language: the account's setting, else the visitor's explicit choice (cookie),
 * else Accept-Language, else English. Decided on the server so the first paint is right.
 */
export function resolveLocale(request: Request, userLocale?: string | null): Locale {
  if (isLocale(userLocale)) return userLocale;
  const chosen = readCookie(request.headers.get('Cookie'), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE;
}
