import { fieldTypes } from '../fields/registry.ts';
import type { StoredTypeName } from '../fields/field-type.ts';
import type { FormConfig } from './view-config.ts';

// What a form can ask and what a public form describes about itself: one definition for
// the server that answers GET /api/v1/forms/:shareId and the pages that draw the form.

export type FormAccess = NonNullable<FormConfig['access']>;

/**
 * Whether a field of this type can be a question on a form with this access. Computed and
 * system types fill themselves in. Attachments are left off every form (decision 0081:
 * public uploads would be anonymous storage). User fields need the members list, which
 * strangers may not see, so only sign-in forms ask them.
 */
export function canAskOnForm(type: string, access: FormAccess): boolean {
  if (!Object.hasOwn(fieldTypes, type)) return false;
  const fieldType = fieldTypes[type as StoredTypeName];
  if (fieldType.readOnly || fieldType.kind === 'attachment') return false;
  return fieldType.kind !== 'user' || access === 'signedIn';
}

/** The parts of a field's options an input needs; nothing else of the field is described. */
export interface FormQuestionOptions {
  /** Select types: the choices a submitter picks from (names are the values). */
  choices?: Array<{ name: string; color: string }>;
  /** Rating: the highest rating. */
  max?: number;
  /** Date: whether the question asks for a time too. */
  includeTime?: boolean;
  /** Currency: shown before the amount. */
  symbol?: string;
  precision?: number;
}

/** One question as a form shows it. */
export interface FormQuestion {
  /** The field's id: the key of its answer in a submission. */
  id: string;
  label: string;
  help?: string;
  required: boolean;
  /** Not shown; filled from the link's `?prefill_<field name or id>=`. */
  hidden: boolean;
  type: StoredTypeName;
  options: FormQuestionOptions;
}

/** GET /api/v1/forms/:shareId: only what the form shows, never other fields or records. */
export interface FormDescription {
  shareId: string;
  title: string;
  description?: string;
  submitLabel?: string;
  thankYouMessage?: string;
  redirectUrl?: string;
  access: FormAccess;
  questions: FormQuestion[];
  /** Sign-in forms with a user question: the base's members to choose from. */
  members?: Array<{ id: string; name: string }>;
}

/** Keys of an answer that arrive from a link: `prefill_<field name or id>`. */
export const PREFILL_PREFIX = 'prefill_';

/** Per-question problems of a refused submission, keyed by field id (or the unknown key). */
export type FormErrors = Record<string, string>;
