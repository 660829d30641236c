import type { CoerceContext } from '../../core/fields/field-type.ts';
import { findChoiceName } from '../../core/fields/select-choices.ts';
import { formatRecordId } from '../../core/record-id.ts';
import { PREFILL_PREFIX } from '../../core/views/form-questions.ts';
import { isBlankInput } from '../../core/values/text.ts';
import { findMembers } from '../bases/members.repository.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldValues } from '../events/index.ts';
import { writeRecords, type CellError } from '../records/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import type { OpenForm, OpenQuestion } from './open-form.ts';
import { formRateLimiter } from './rate-limit.ts';

/** Why an answer was refused; the form page words each kind in the visitor's language. */
export type AnswerProblem = 'required' | 'invalid' | 'notAChoice' | 'notOnForm';
export interface AnswerError {
  problem: AnswerProblem;
  /** English detail, as the REST API returns it. */
  message: string;
}

export type SubmitResult =
  | { ok: true; id: string }
  | { ok: false; errors: Record<string, AnswerError> };

/**
 * Checks a submission answer by answer and creates the record through the write path
 * (origin `form`). Keys are field ids or names; anything that is not a question of this
 * form is refused with the same words whether the table has such a field or not. Every
 * problem is reported at once; a refused submission writes nothing. Each attempt costs
 * the client a rate-limit token (429 with the seconds to wait).
 */
export function submitForm(ctx: AppContext, form: OpenForm, answers: Record<string, unknown>, client: string): SubmitResult {
  const retryAfter = formRateLimiter(ctx).take(client);
  if (retryAfter > 0) throw new AppError('RATE_LIMITED', `too many submissions; try again in ${retryAfter} s`, { retryAfter });

  const byKey = new Map<string, OpenQuestion>();
  for (const entry of form.questions) {
    byKey.set(entry.field.name, entry);
    byKey.set(entry.field.id, entry);
  }
  const errors: Record<string, AnswerError> = {};
  const given = new Map<string, unknown>();
  for (const [rawKey, value] of Object.entries(answers)) {
    const key = rawKey.startsWith(PREFILL_PREFIX) ? rawKey.slice(PREFILL_PREFIX.length) : rawKey;
    const entry = byKey.get(key);
    if (!entry) errors[rawKey] = { problem: 'notOnForm', message: `${JSON.stringify(rawKey)} is not a question of this form` };
    else given.set(entry.field.id, value);
  }

  const context = coerceContext(ctx, form);
  const values: FieldValues = {};
  for (const { question, field } of form.questions) {
    const answer = checkAnswer(field, question.label || field.name, given.get(field.id), question.required === true, context);
    if ('problem' in answer) errors[field.id] = answer;
    else if (answer.value !== undefined) values[field.id] = answer.value;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  try {
    const result = writeRecords(ctx, { tableId: form.schema.table.id, creates: [values] }, { origin: 'form', typecast: false, author: form.submitter?.userId });
    return { ok: true, id: formatRecordId(result.created[0]!.id) };
  } catch (error) {
    // The write path's own check disagreeing with ours still names the field.
    const cellErrors = error instanceof AppError && error.code === 'INVALID_VALUE' ? (error.details?.errors as CellError[] | undefined) : undefined;
    if (!cellErrors?.length) throw error;
    return { ok: false, errors: Object.fromEntries(cellErrors.map((cell) => [cell.fieldId, { problem: 'invalid', message: cell.message }])) };
  }
}

function coerceContext(ctx: AppContext, form: OpenForm): CoerceContext {
  // User answers are member ids from the form's list; nothing is looked up by email or name.
  const members = form.submitter ? new Set(findMembers(ctx.db, form.schema.baseId).map((member) => member.user_id)) : new Set<string>();
  return { typecast: true, timeZone: form.schema.timeZone, resolveUser: (ref) => (members.has(ref) ? ref : undefined) };
}

const isBlank = (value: unknown) => isBlankInput(value) || value === false || (Array.isArray(value) && value.every(isBlankInput));

/**
 * One answer → its value. Text arrives as typed (a form posts strings), so coercion is
 * lenient, but select answers must be existing choices: the public never adds choices.
 */
function checkAnswer(field: FieldDef, label: string, input: unknown, required: boolean, ctx: CoerceContext): { value: unknown } | AnswerError {
  if (isBlank(input)) {
    return required ? { problem: 'required', message: `${JSON.stringify(label)} is required` } : { value: undefined };
  }
  const { fieldType, options } = field;
  if (fieldType.kind === 'select' || fieldType.kind === 'multi') {
    const names = (Array.isArray(input) ? input : [input]).filter((name) => !isBlankInput(name));
    const missing = names.find((name) => typeof name !== 'string' || !findChoiceName(name.trim(), (options as { choices: Array<{ name: string }> }).choices));
    if (missing !== undefined) return { problem: 'notAChoice', message: `${JSON.stringify(missing)} is not one of the choices` };
    if (fieldType.kind === 'select' && names.length > 1) return { problem: 'invalid', message: 'pick one choice' };
    input = fieldType.kind === 'select' ? names[0] : names;
  }
  const result = fieldType.coerce(input, options, ctx);
  if (!result.ok) return { problem: 'invalid', message: result.error };
  if (result.addChoices?.length) return { problem: 'notAChoice', message: `${JSON.stringify(result.addChoices[0])} is not one of the choices` };
  if (required && isBlank(result.value)) return { problem: 'required', message: `${JSON.stringify(label)} is required` };
  return { value: result.value };
}
