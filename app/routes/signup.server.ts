import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { createSession, isSignupOpen, newUserInput, signUp } from '../../server/auth/index.ts';
import { AppError } from '../../server/errors.ts';
import { errorKeyOf, fieldErrorKeys, type ErrorKey } from '../errors.server.ts';
import { formText, getSessionActor, sessionCookieHeader } from '../session.server.ts';

export async function loader({ context }: LoaderFunctionArgs) {
  if (getSessionActor(context)) throw redirect('/');
  return { signupOpen: isSignupOpen(context.app) };
}

export interface SignupActionData {
  fields: Record<string, ErrorKey>;
  form?: ErrorKey;
  values: { email: string; name: string };
}

/** The same sign-up as POST /api/v1/auth/signup, then straight to the bases page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = { email: formText(form, 'email'), name: formText(form, 'name') };
  const parsed = newUserInput.safeParse({ ...values, password: formText(form, 'password') });
  if (!parsed.success) return data<SignupActionData>({ fields: fieldErrorKeys(parsed.error), values }, { status: 400 });
  try {
    const user = await signUp(context.app, parsed.data);
    const session = createSession(context.app, user.id);
    return redirect('/', { headers: { 'Set-Cookie': sessionCookieHeader(context, session) } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'CONFLICT') return data<SignupActionData>({ fields: { email: 'emailTaken' }, values }, { status: 409 });
    const key: ErrorKey = error.code === 'FORBIDDEN' ? 'signupClosed' : errorKeyOf(error);
    return data<SignupActionData>({ fields: {}, form: key, values }, { status: error.status });
  }
}
