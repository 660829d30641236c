import { redirect, type AppLoadContext } from 'react-router';
import type { Actor } from '../server/auth/actor.ts';
import { LOCALE_COOKIE, serializeCookie, sessionCookie, type NewSession } from '../server/auth/index.ts';

/**
 * The signed-in person behind a page request. Pages are for people: a request that came
 * with an API token is treated as anonymous here.
 */
export function getSessionActor(context: AppLoadContext): Actor | undefined {
  return context.actor?.via === 'session' ? context.actor : undefined;
}

/** The actor, or a redirect to /login that comes back to this page afterwards. */
export function requireSessionActor(context: AppLoadContext, request: Request): Actor {
  const actor = getSessionActor(context);
  if (actor) return actor;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`);
}

/** Only same-site paths: `//evil.example` and `/\evil.example` are other sites to a browser. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

export function sessionCookieHeader(context: AppLoadContext, session: NewSession): string {
  return sessionCookie(session.token, session.expiresAt, context.app.config.secureCookies);
}

export function localeCookieHeader(context: AppLoadContext, locale: string): string {
  return serializeCookie(LOCALE_COOKIE, locale, { secure: context.app.config.secureCookies, maxAge: 365 * 24 * 3600 });
}

/** A text field of a submitted form ('' when missing, never a File). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
