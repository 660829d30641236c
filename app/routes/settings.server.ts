import { z } from 'zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import {
  changePassword, changePasswordInput, createApiToken, createSession, createTokenInput, deleteApiToken, getSettings,
  listApiTokens, requireUser, TOKEN_SCOPES, updateMe, updateMeInput, updateSettings,
} from '../../server/auth/index.ts';
import { AppError } from '../../server/errors.ts';
import { errorKeyOf, fieldErrorKeys, type ErrorKey } from '../errors.server.ts';
import { formText, requireSessionActor, sessionCookieHeader } from '../session.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireSessionActor(context, request);
  const user = requireUser(context.app, actor.userId);
  return {
    user: { name: user.name, email: user.email, isAdmin: user.isAdmin },
    tokens: listApiTokens(context.app, actor),
    scopes: TOKEN_SCOPES,
    instance: user.isAdmin ? getSettings(context.app) : null,
  };
}

export const INTENTS = ['profile', 'password', 'createToken', 'deleteToken', 'instance'] as const;
export type Intent = (typeof INTENTS)[number];

export interface SettingsActionData {
  intent: Intent;
  ok: boolean;
  fields?: Record<string, ErrorKey>;
  form?: ErrorKey;
  /** A new token's secret, shown once. */
  token?: string;
}

/** Each form on the page posts an `intent`; each calls the same service as its API route. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireSessionActor(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const done = (extra: Partial<SettingsActionData> = {}, init?: ResponseInit) => data<SettingsActionData>({ intent, ok: true, ...extra }, init);
  try {
    if (intent === 'profile') {
      updateMe(context.app, actor, updateMeInput.parse({ name: formText(form, 'name') }));
      return done();
    }
    if (intent === 'password') {
      const input = changePasswordInput.parse({ currentPassword: formText(form, 'currentPassword'), newPassword: formText(form, 'newPassword') });
      await changePassword(context.app, actor, input);
      // Every session ended, this one too: hand the person a fresh one.
      const session = createSession(context.app, actor.userId);
      return done({}, { headers: { 'Set-Cookie': sessionCookieHeader(context, session) } });
    }
    if (intent === 'createToken') {
      const scopes = form.getAll('scopes').filter((value): value is string => typeof value === 'string');
      const created = createApiToken(context.app, actor, createTokenInput.parse({ name: formText(form, 'name'), scopes }));
      return done({ token: created.token });
    }
    if (intent === 'deleteToken') {
      deleteApiToken(context.app, actor, formText(form, 'tokenId'));
      return done();
    }
    if (intent === 'instance') {
      updateSettings(context.app, actor, { signupOpen: form.get('signupOpen') === 'on' });
      return done();
    }
    throw new AppError('INVALID_REQUEST', `unknown intent ${intent}`);
  } catch (error) {
    if (error instanceof z.ZodError) {
      return data<SettingsActionData>({ intent, ok: false, fields: fieldErrorKeys(error) }, { status: 400 });
    }
    if (!(error instanceof AppError)) throw error;
    const key: ErrorKey = error.details?.field === 'currentPassword' ? 'wrongPassword' : errorKeyOf(error);
    return data<SettingsActionData>({ intent, ok: false, form: key }, { status: error.status });
  }
}
