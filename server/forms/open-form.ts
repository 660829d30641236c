import { canAskOnForm, type FormAccess } from '../../core/views/form-questions.ts';
import { viewConfigSchema, type FormConfig, type FormField } from '../../core/views/view-config.ts';
import type { Actor } from '../auth/actor.ts';
import { getBaseRole } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import type { ViewRow } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import { loadTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import { findFormView } from './forms.repository.ts';

/** A question with its field: what describing and submitting both work from. */
export interface OpenQuestion {
  question: FormField;
  field: FieldDef;
}

/** A form a visitor may use right now. */
export interface OpenForm {
  view: ViewRow;
  schema: TableSchema;
  config: FormConfig;
  access: FormAccess;
  /** The questions the form asks, in order, each naming a field that still exists. */
  questions: OpenQuestion[];
  /** Who is filling it in: a member on sign-in forms, anyone (or no one) on public ones. */
  submitter?: Actor;
}

const SHARE_ID = /^shr[A-Za-z0-9]{1,40}$/;

/**
 * The form behind a share link, for this visitor. An unknown link, a deleted view and a
 * view that is not a form are all 404. A sign-in form wants a signed-in member: no one
 * signed in is 401, someone who is not a member 404 (a stranger never learns the form
 * exists).
 */
export function openForm(ctx: AppContext, shareId: string, actor: Actor | undefined): OpenForm {
  const view = SHARE_ID.test(shareId) ? findFormView(ctx.db, shareId) : undefined;
  if (!view) throw notFound('form');
  const schema = loadTableSchema(ctx, view.table_id);
  const config = viewConfigSchema.parse(JSON.parse(view.config)).form ?? {};
  const access: FormAccess = config.access ?? 'public';
  if (access === 'signedIn') {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'this form is for signed-in members of its base; sign in first');
    if (!getBaseRole(ctx, actor.userId, schema.baseId) || (actor.baseIds && !actor.baseIds.has(schema.baseId))) throw notFound('form');
  }
  const seen = new Set<string>();
  const questions: OpenQuestion[] = [];
  for (const question of config.fields ?? []) {
    const field = schema.byId.get(question.field);
    // A field deleted, or changed to a type a form cannot ask, drops out of the form.
    if (!field || seen.has(field.id) || !canAskOnForm(field.type, access)) continue;
    seen.add(field.id);
    questions.push({ question, field });
  }
  return { view, schema, config, access, questions, submitter: access === 'signedIn' ? actor : undefined };
}
