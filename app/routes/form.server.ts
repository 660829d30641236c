import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { PREFILL_PREFIX, type FormDescription } from '../../core/views/form-questions.ts';
import { AppError } from '../../server/errors.ts';
import { describeForm, MAX_FORM_BODY_BYTES, openForm, submitForm, type AnswerError, type OpenForm } from '../../server/forms/index.ts';
import { throwAsResponse } from '../errors.server.ts';
import { getSessionActor } from '../session.server.ts';
import type { Answer } from '../components/forms/question-inputs.tsx';

/**
 * The form behind a share link for this visitor. A sign-in form sends people who are not
 * signed in to the login page and back; other refusals become the error page (404).
 */
function requireForm(context: LoaderFunctionArgs['context'], request: Request, shareId: string): OpenForm {
  try {
    return openForm(context.app, shareId, getSessionActor(context));
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      const back = new URL(request.url);
      throw redirect(`/login?${new URLSearchParams({ redirectTo: back.pathname + back.search })}`);
    }
    return throwAsResponse(error);
  }
}

export interface FormPageData {
  form: FormDescription;
  /** Answers from the link's `?prefill_<field name or id>=` parameters. */
  values: Record<string, Answer>;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const form = requireForm(context, request, params.shareId ?? '');
  const search = new URL(request.url).searchParams;
  const values: Record<string, Answer> = {};
  for (const { field } of form.questions) {
    const given = search.getAll(PREFILL_PREFIX + field.name).concat(search.getAll(PREFILL_PREFIX + field.id));
    if (!given.length) continue;
    // Several choices arrive as repeated parameters or comma-separated.
    values[field.id] = field.fieldType.kind === 'multi' ? given.flatMap((one) => one.split(',')).map((one) => one.trim()).filter(Boolean) : given[0]!;
  }
  return data<FormPageData>({ form: describeForm(context.app, form), values }, { headers: { 'Cache-Control': 'no-store' } });
}

export type FormActionData =
  | { done: true }
  | { done: false; values: Record<string, Answer>; errors: Record<string, AnswerError>; formError?: 'rateLimited' | 'tooLarge'; retryAfter?: number };

/**
 * A plain form POST (or React Router's fetch of one): the same checks and write as
 * POST /api/v1/forms/:shareId, with the same rate limit per client address.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = requireForm(context, request, params.shareId ?? '');
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_FORM_BODY_BYTES) {
    return data<FormActionData>({ done: false, values: {}, errors: {}, formError: 'tooLarge' }, { status: 413 });
  }
  const body = await request.formData();
  const values: Record<string, Answer> = {};
  for (const { field } of form.questions) {
    const given = body.getAll(field.id).filter((one): one is string => typeof one === 'string');
    if (given.length) values[field.id] = field.fieldType.kind === 'multi' ? given : given[0]!;
  }
  try {
    const result = submitForm(context.app, form, values, context.clientIp ?? 'unknown');
    if (!result.ok) return data<FormActionData>({ done: false, values, errors: result.errors }, { status: 422 });
    if (form.config.redirectUrl) return redirect(form.config.redirectUrl);
    return data<FormActionData>({ done: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      const retryAfter = Number(error.details?.retryAfter ?? 60);
      return data<FormActionData>({ done: false, values, errors: {}, formError: 'rateLimited', retryAfter }, { status: 429, headers: { 'Retry-After': String(retryAfter) } });
    }
    return throwAsResponse(error);
  }
}
