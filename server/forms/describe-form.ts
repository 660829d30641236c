import type { FormDescription, FormQuestion, FormQuestionOptions } from '../../core/views/form-questions.ts';
import type { AppContext } from '../context.ts';
import { findMembers } from '../bases/members.repository.ts';
import type { OpenForm, OpenQuestion } from './open-form.ts';

/**
 * What GET /api/v1/forms/:shareId answers: the form's texts and its questions with only
 * what their inputs need. Field names hidden behind a label, other fields, records and
 * (on public forms) members are never part of it.
 */
export function describeForm(ctx: AppContext, form: OpenForm): FormDescription {
  const { config } = form;
  const questions = form.questions.map(describeQuestion);
  const asksForUser = form.questions.some(({ field }) => field.fieldType.kind === 'user');
  return {
    shareId: form.view.share_id!,
    title: config.title || form.view.name,
    ...(config.description ? { description: config.description } : {}),
    ...(config.submitLabel ? { submitLabel: config.submitLabel } : {}),
    ...(config.thankYouMessage ? { thankYouMessage: config.thankYouMessage } : {}),
    ...(config.redirectUrl ? { redirectUrl: config.redirectUrl } : {}),
    access: form.access,
    questions,
    ...(asksForUser && form.access === 'signedIn'
      ? { members: findMembers(ctx.db, form.schema.baseId).map((member) => ({ id: member.user_id, name: member.name })) }
      : {}),
  };
}

function describeQuestion({ question, field }: OpenQuestion): FormQuestion {
  return {
    id: field.id,
    label: question.label || field.name,
    ...(question.help ? { help: question.help } : {}),
    required: question.required === true,
    hidden: question.hidden === true,
    type: field.type,
    options: inputOptions(field.options),
  };
}

/** The few option keys inputs use, copied when the field's type has them. */
function inputOptions(options: Record<string, unknown>): FormQuestionOptions {
  const out: FormQuestionOptions = {};
  if (Array.isArray(options.choices)) {
    out.choices = (options.choices as Array<{ name: string; color: string }>).map(({ name, color }) => ({ name, color }));
  }
  if (typeof options.max === 'number') out.max = options.max;
  if (typeof options.includeTime === 'boolean') out.includeTime = options.includeTime;
  if (typeof options.symbol === 'string') out.symbol = options.symbol;
  if (typeof options.precision === 'number') out.precision = options.precision;
  return out;
}
