import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { createBase, createBaseInput, listBasesWithTables } from '../../server/bases/index.ts';
import { AppError } from '../../server/errors.ts';
import { errorKeyOf, fieldErrorKeys, type ErrorKey } from '../errors.server.ts';
import { formText, requireSessionActor } from '../session.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireSessionActor(context, request);
  return { bases: listBasesWithTables(context.app, actor) };
}

export type HomeActionData = { ok: true; baseId: string } | { ok: false; fields: Record<string, ErrorKey>; form?: ErrorKey };

/** Creates a base through the same service as POST /api/v1/bases. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireSessionActor(context, request);
  const form = await request.formData();
  // The browser's zone, filled in by the page; without script the API default (UTC) applies.
  const timeZone = formText(form, 'timeZone') || undefined;
  const name = formText(form, 'name');
  let parsed = createBaseInput.safeParse({ name, timeZone });
  // A zone the browser knows and this server's ICU does not must not block creating a base.
  if (!parsed.success && parsed.error.issues.every((issue) => issue.path[0] === 'timeZone')) parsed = createBaseInput.safeParse({ name });
  if (!parsed.success) return data<HomeActionData>({ ok: false, fields: fieldErrorKeys(parsed.error) }, { status: 400 });
  try {
    const base = createBase(context.app, actor, parsed.data);
    return { ok: true, baseId: base.id } satisfies HomeActionData;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data<HomeActionData>({ ok: false, fields: {}, form: errorKeyOf(error) }, { status: error.status });
  }
}
