// The forms capability: form views as public (or sign-in) pages that create records.
export { openForm, type OpenForm, type OpenQuestion } from './open-form.ts';
export { describeForm } from './describe-form.ts';
export { submitForm, type AnswerError, type AnswerProblem, type SubmitResult } from './submit-form.ts';
export { formRateLimiter, setFormRateLimits, DEFAULT_FORM_RATE_LIMITS, type FormRateLimits } from './rate-limit.ts';
export { checkFormConfig } from './form-config.ts';

/** Largest submission body: a form's answers are short; 64 KB holds long notes with room. */
export const MAX_FORM_BODY_BYTES = 64 * 1024;
