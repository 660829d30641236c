import type { TFunction } from 'i18next';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { FormDescription, FormQuestion } from '../../../core/views/form-questions.ts';
import { QUESTION_INPUTS, type Answer } from './question-inputs.tsx';
import './forms.css';

/** Why the server refused an answer (server/forms AnswerProblem), with its English detail. */
export interface AnswerError {
  problem: 'required' | 'invalid' | 'notAChoice' | 'notOnForm';
  message: string;
}

interface Props {
  form: FormDescription;
  values: Readonly<Record<string, Answer>>;
  errors?: Readonly<Record<string, AnswerError>>;
  /** A problem with the whole submission (rate limit, size), already worded. */
  formError?: string;
  busy?: boolean;
  /** The builder's preview: the same form, never sent. */
  preview?: boolean;
}

/**
 * A form as a visitor fills it in: every visible question with the input its type needs,
 * the server's verdict next to each refused answer, hidden questions carried along as
 * hidden inputs. A plain POST form, so it works without JavaScript; React Router's `<Form>`
 * sends it without a page load once the page is hydrated.
 */
export function FormFill({ form, values, errors = {}, formError, busy = false, preview = false }: Props) {
  const { t } = useTranslation();
  const visible = form.questions.filter((question) => !question.hidden);
  const hidden = form.questions.filter((question) => question.hidden);
  const hiddenProblems = hidden.filter((question) => errors[question.id]);
  const problems = Object.keys(errors).length > 0;
  const body = (
    <>
      <header className="form-fill-header">
        <h1>{form.title}</h1>
        {form.description ? <p className="form-description">{form.description}</p> : null}
        {form.access === 'signedIn' ? <p className="hint">{t('forms.page.signedInNote')}</p> : null}
      </header>
      {formError ? <p className="form-error" role="alert">{formError}</p> : null}
      {problems && !formError ? <p className="form-error" role="alert">{t('forms.page.fixErrors')}</p> : null}
      {hiddenProblems.map((question) => (
        <p key={question.id} className="form-error">{t('forms.page.hiddenProblem', { label: question.label })}</p>
      ))}
      {hidden.map((question) => {
        const value = values[question.id];
        return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((one, index) => (
          <input key={`${question.id}-${index}`} type="hidden" name={question.id} value={one} />
        ));
      })}
      {visible.map((question) => (
        <QuestionBlock key={question.id} question={question} value={values[question.id]} error={errors[question.id]} members={form.members ?? []} />
      ))}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || preview}>
          {busy ? t('forms.page.submitting') : form.submitLabel || t('forms.page.submit')}
        </button>
      </div>
    </>
  );
  return preview ? (
    <form className="form-fill" aria-label={form.title} onSubmit={(event) => event.preventDefault()} noValidate>{body}</form>
  ) : (
    <Form method="post" className="form-fill" aria-label={form.title} noValidate>{body}</Form>
  );
}

function QuestionBlock({ question, value, error, members }: { question: FormQuestion; value: Answer | undefined; error: AnswerError | undefined; members: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const id = useId();
  const Input = QUESTION_INPUTS[question.type];
  if (!Input) return null;
  const describedBy = [question.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-question${error ? ' has-error' : ''}`} data-question={question.id}>
      <label id={`${id}-label`} htmlFor={id} className="form-question-label">
        {question.label}
        {/* Inputs carry aria-required; the star is for the eye only, so the label stays the question. */}
        {question.required ? <span className="form-required" aria-hidden="true" title={t('forms.page.required')}> *</span> : null}
      </label>
      {question.help ? <p id={`${id}-help`} className="hint form-help">{question.help}</p> : null}
      <Input question={question} id={id} value={value} describedBy={describedBy} invalid={Boolean(error)} members={members} />
      {error ? <p id={`${id}-error`} className="field-error">{errorText(t, question, error)}</p> : null}
    </div>
  );
}

// i18next's plain TFunction: the typed one from useTranslation is too deep for tsc over all our keys.
function errorText(t: TFunction, question: FormQuestion, error: AnswerError): ReactNode {
  if (error.problem !== 'invalid') return t(`forms.errors.${error.problem}`);
  const type = question.type;
  return isTypeWithHint(type) ? t(`forms.errors.invalidByType.${type}`) : t('forms.errors.invalid');
}

/** Types whose refusals have their own hint ("Enter a number, like 120."). */
const TYPES_WITH_HINTS = ['number', 'currency', 'percent', 'date', 'email', 'url', 'phoneNumber', 'rating', 'singleLineText', 'longText'] as const;
type TypeWithHint = (typeof TYPES_WITH_HINTS)[number];
const isTypeWithHint = (type: string): type is TypeWithHint => (TYPES_WITH_HINTS as readonly string[]).includes(type);
