import type { Choice, StoredTypeName } from '../../../core/fields/index.ts';
import { choiceProblems, choicesForPayload, choicesOf, type ChoiceProblem } from './choice-list.ts';
import { canBePrimaryType, storedTypeOf } from './field-type-meta.ts';
import { checkOptions, defaultOptions, optionsForType } from './field-options.ts';
import { nameProblem, normalizeName, type NameProblem } from './names.ts';
import type { FieldJson } from './types.ts';
import type { FieldPayload } from './schema-api.ts';

/** What the field editor holds while someone edits; the dialog renders it, pure functions change it. */
export interface FieldFormState {
  name: string;
  type: StoredTypeName;
  /** The options of `type` as edited; choices keep their ids. */
  options: Record<string, unknown>;
  description: string;
}

export function initialFieldForm(field?: FieldJson, defaults: { name?: string; type?: StoredTypeName } = {}): FieldFormState {
  const type = (field && storedTypeOf(field.type)) ?? defaults.type ?? 'singleLineText';
  return {
    name: field?.name ?? defaults.name ?? '',
    type,
    options: field ? { ...defaultOptions(type), ...field.options } : defaultOptions(type),
    description: field?.description ?? '',
  };
}

/** Switching type carries over the options the new type understands. */
export function withType(state: FieldFormState, type: StoredTypeName): FieldFormState {
  return type === state.type ? state : { ...state, type, options: optionsForType(type, state.options) };
}

/** `undefined` unsets an optional option (number precision "as entered", date time zone "the base's"). */
export function withOption(state: FieldFormState, key: string, value: unknown): FieldFormState {
  const options = { ...state.options };
  if (value === undefined) delete options[key];
  else options[key] = value;
  return { ...state, options };
}

export function withChoices(state: FieldFormState, choices: Choice[]): FieldFormState {
  return withOption(state, 'choices', choices);
}

export interface FieldFormErrors {
  name?: NameProblem;
  /** Per choice id. */
  choices?: Map<string, ChoiceProblem>;
  /** The primary field cannot take this type. */
  type?: 'notPrimary';
  /** Another option the type's schema refuses: the option and the schema's message. */
  option?: { option: string; message: string };
}

export interface FormContext {
  /** The table's fields, for unique names. */
  fields: ReadonlyArray<{ id: string; name: string }>;
  /** The field being edited (undefined when creating). */
  fieldId?: string;
  isPrimary?: boolean;
}

export function validateFieldForm(state: FieldFormState, ctx: FormContext): FieldFormErrors {
  const errors: FieldFormErrors = {};
  const name = nameProblem(state.name, ctx.fields, ctx.fieldId);
  if (name) errors.name = name;
  if (ctx.isPrimary && !canBePrimaryType(state.type)) errors.type = 'notPrimary';
  if ('choices' in state.options) {
    const problems = choiceProblems(choicesOf(state.options));
    if (problems.size) errors.choices = problems;
  }
  if (!errors.choices) {
    const checked = checkOptions(state.type, payloadOptions(state));
    if (!checked.ok) errors.option = { option: checked.option, message: checked.message };
  }
  return errors;
}

export function hasErrors(errors: FieldFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The options as the API receives them: choices trimmed, everything else as edited. */
function payloadOptions(state: FieldFormState): Record<string, unknown> {
  if (!('choices' in state.options)) return state.options;
  return { ...state.options, choices: choicesForPayload(choicesOf(state.options)) };
}

/** The options as the server will store them, for comparing before and after an edit. */
function parsedOptions(type: StoredTypeName, options: Record<string, unknown>): Record<string, unknown> | undefined {
  const checked = checkOptions(type, options);
  return checked.ok ? checked.options : undefined;
}

export function createPayload(state: FieldFormState): FieldPayload {
  const description = state.description.trim();
  return {
    name: normalizeName(state.name),
    type: state.type,
    options: payloadOptions(state),
    ...(description ? { description } : {}),
  };
}

export interface EditPlan {
  patch: FieldPayload;
  /** The type or options change, so existing values convert: preview before saving. */
  converts: boolean;
}

/** The PATCH for an edit, only what changed; undefined when nothing did. */
export function editPlan(state: FieldFormState, field: FieldJson): EditPlan | undefined {
  const patch: FieldPayload = {};
  const name = normalizeName(state.name);
  if (name !== field.name) patch.name = name;
  const description = state.description.trim() || null;
  if (description !== (field.description?.trim() || null)) patch.description = description;
  const originalType = storedTypeOf(field.type);
  // A computed field (link, formula …) is not editable here beyond its name and description.
  if (originalType === undefined) return Object.keys(patch).length ? { patch, converts: false } : undefined;
  const options = payloadOptions(state);
  const typeChanged = state.type !== originalType;
  const optionsChanged = !typeChanged && !sameJson(parsedOptions(state.type, options), parsedOptions(originalType, field.options));
  if (typeChanged) patch.type = state.type;
  if (typeChanged || optionsChanged) patch.options = options;
  if (!Object.keys(patch).length) return undefined;
  return { patch, converts: typeChanged || optionsChanged };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
