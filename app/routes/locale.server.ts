import { redirect, type ActionFunctionArgs } from 'react-router';
import { updateMe } from '../../server/auth/index.ts';
import { isLocale } from '../i18n/locale.ts';
import { formText, getSessionActor, localeCookieHeader, safeRedirect } from '../session.server.ts';

/**
 * Switches the UI language: saved on the account when signed in (so it follows the person
 * to other devices), and in a cookie either way (so the sign-in page keeps it too).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = formText(form, 'locale');
  const back = safeRedirect(form.get('redirectTo'));
  if (!isLocale(locale)) return redirect(back);
  const actor = getSessionActor(context);
  if (actor) updateMe(context.app, actor, { locale });
  return redirect(back, { headers: { 'Set-Cookie': localeCookieHeader(context, locale) } });
}

export async function loader() {
  return redirect('/');
}
