import { canAskOnForm, type FormDescription, type FormQuestion } from '../../../core/views/form-questions.ts';
import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import type { FormConfig } from '../../../core/views/view-config.ts';
import type { GridField } from '../grid/types.ts';

/**
 * The builder's draft as a visitor would get it (server/forms describeForm): the same
 * questions in the same order, so the preview shows the real form before anyone saves.
 */
export function previewDescription(draft: FormConfig, fields: readonly GridField[], viewName: string, shareId: string, members: ReadonlyArray<{ id: string; name: string }>): FormDescription {
  const access = draft.access ?? 'public';
  const byId = new Map(fields.map((field) => [field.id, field]));
  const questions: FormQuestion[] = [];
  for (const question of draft.fields ?? []) {
    const field = byId.get(question.field);
    if (!field || !canAskOnForm(field.type, access)) continue;
    questions.push({
      id: field.id,
      label: question.label || field.name,
      ...(question.help ? { help: question.help } : {}),
      required: question.required === true,
      hidden: question.hidden === true,
      type: field.type as StoredTypeName,
      options: pickInputOptions(field.options),
    });
  }
  return {
    shareId,
    title: draft.title || viewName,
    ...(draft.description ? { description: draft.description } : {}),
    ...(draft.submitLabel ? { submitLabel: draft.submitLabel } : {}),
    access,
    questions,
    ...(access === 'signedIn' ? { members: [...members] } : {}),
  };
}

function pickInputOptions(options: Record<string, unknown>): FormQuestion['options'] {
  const { choices, max, includeTime, symbol, precision } = options as FormQuestion['options'];
  return {
    ...(Array.isArray(choices) ? { choices: choices.map(({ name, color }) => ({ name, color })) } : {}),
    ...(typeof max === 'number' ? { max } : {}),
    ...(typeof includeTime === 'boolean' ? { includeTime } : {}),
    ...(typeof symbol === 'string' ? { symbol } : {}),
    ...(typeof precision === 'number' ? { precision } : {}),
  };
}
