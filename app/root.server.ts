import type { LoaderFunctionArgs } from 'react-router';
import { getUser, isSignupOpen } from '../server/auth/index.ts';
import { resolveLocale } from './i18n/locale.server.ts';
import { getSessionActor } from './session.server.ts';

/** Who is signed in and which language to render in: every page needs both. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = getSessionActor(context);
  const user = actor ? getUser(context.app, actor.userId) : undefined;
  return {
    locale: resolveLocale(request, user?.locale),
    user: user ? { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin } : null,
    // Only visitors see the header's sign-up link, and only while sign-up is open.
    signupOpen: user ? false : isSignupOpen(context.app),
  };
}
