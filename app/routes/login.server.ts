import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { isSignupOpen, logIn, loginInput } from '../../server/auth/index.ts';
import { AppError } from '../../server/errors.ts';
import { errorKeyOf, fieldErrorKeys, type ErrorKey } from '../errors.server.ts';
import { formText, getSessionActor, safeRedirect, sessionCookieHeader } from '../session.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (getSessionActor(context)) throw redirect(redirectTo);
  return { redirectTo, signupOpen: isSignupOpen(context.app) };
}

export interface LoginActionData {
  fields: Record<string, ErrorKey>;
  form?: ErrorKey;
  email: string;
}

/** The same sign-in as POST /api/v1/auth/login: same checks, same rate limit. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = formText(form, 'email');
  const parsed = loginInput.safeParse({ email, password: formText(form, 'password') });
  if (!parsed.success) return data<LoginActionData>({ fields: fieldErrorKeys(parsed.error), email }, { status: 400 });
  try {
    const { session } = await logIn(context.app, parsed.data, context.clientIp);
    return redirect(safeRedirect(form.get('redirectTo')), { headers: { 'Set-Cookie': sessionCookieHeader(context, session) } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data<LoginActionData>({ fields: {}, form: errorKeyOf(error), email }, { status: error.status });
  }
}
