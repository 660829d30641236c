import { redirect, type ActionFunctionArgs } from 'react-router';
import { clearSessionCookie, logOut, readCookie, SESSION_COOKIE } from '../../server/auth/index.ts';

/** Ends the session server-side (the cookie alone is not enough) and clears the cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  logOut(context.app, readCookie(request.headers.get('Cookie'), SESSION_COOKIE));
  return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(context.app.config.secureCookies) } });
}

/** A GET must never sign anyone out (a link or an <img> on another site could). */
export async function loader() {
  return redirect('/');
}
