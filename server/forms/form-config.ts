import { canAskOnForm } from '../../core/views/form-questions.ts';
import type { FormConfig } from '../../core/views/view-config.ts';
import { AppError } from '../errors.ts';
import type { TableSchema } from '../tables/table-schema.ts';

/**
 * Checks a form view's questions as the view is saved (field references already ids): a
 * field asked twice, or one a form cannot ask (computed, system, attachment), is a 400
 * naming it. User questions are allowed here; public forms leave them out when shown.
 */
export function checkFormConfig(schema: TableSchema, form: FormConfig | undefined): void {
  const seen = new Set<string>();
  for (const question of form?.fields ?? []) {
    const field = schema.byId.get(question.field);
    if (!field) continue;
    if (seen.has(field.id)) throw new AppError('INVALID_REQUEST', `form: the field ${JSON.stringify(field.name)} is asked twice`, { field: field.name });
    seen.add(field.id);
    if (!canAskOnForm(field.type, 'signedIn')) {
      throw new AppError('INVALID_REQUEST', `form: the field ${JSON.stringify(field.name)} (${field.type}) cannot be filled in on a form`, { field: field.name });
    }
  }
}
