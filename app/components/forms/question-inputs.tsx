import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import type { FormQuestion } from '../../../core/views/form-questions.ts';

/** An answer as a form holds it: what the inputs post (strings; several for checkboxes). */
export type Answer = string | string[];

export interface QuestionInputProps {
  question: FormQuestion;
  /** The input's DOM id; its label points at it. */
  id: string;
  value: Answer | undefined;
  describedBy: string | undefined;
  invalid: boolean;
  members: ReadonlyArray<{ id: string; name: string }>;
}

type QuestionInput = (props: QuestionInputProps) => ReactNode;

const text = (value: Answer | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const list = (value: Answer | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** Inputs are uncontrolled: the page works before (and without) hydration, and posts as a plain form. */
function plainInput(type: string, extra: { inputMode?: 'decimal' | 'email' | 'tel' | 'url'; autoComplete?: string } = {}): QuestionInput {
  return function PlainInput({ question, id, value, describedBy, invalid }) {
    return (
      <input
        id={id}
        name={question.id}
        type={type}
        defaultValue={text(value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={question.required || undefined}
        {...extra}
      />
    );
  };
}

/** A number input with a symbol beside it (¥, %). Text, so "1,200" reaches the server as typed. */
function affixedNumber(affix: (question: FormQuestion) => string, side: 'before' | 'after'): QuestionInput {
  const Input = plainInput('text', { inputMode: 'decimal' });
  return function AffixedNumber(props) {
    const mark = <span className="form-affix" aria-hidden="true">{affix(props.question)}</span>;
    return (
      <span className="form-affixed">
        {side === 'before' ? mark : null}
        <Input {...props} />
        {side === 'after' ? mark : null}
      </span>
    );
  };
}

function LongTextInput({ question, id, value, describedBy, invalid }: QuestionInputProps) {
  return <textarea id={id} name={question.id} rows={4} defaultValue={text(value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={question.required || undefined} />;
}

function DateInput(props: QuestionInputProps) {
  const Input = plainInput(props.question.options.includeTime ? 'datetime-local' : 'date');
  return <Input {...props} />;
}

function CheckboxInput({ question, id, value, describedBy, invalid }: QuestionInputProps) {
  return (
    <input
      id={id}
      name={question.id}
      type="checkbox"
      value="true"
      className="form-check"
      defaultChecked={text(value) === 'true'}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    />
  );
}

/** Up to this many choices show as radio buttons; more as a dropdown. */
const MAX_RADIOS = 5;

function SingleSelectInput({ question, id, value, describedBy, invalid, members }: QuestionInputProps) {
  const { t } = useTranslation();
  const choices = question.options.choices ?? [];
  if (choices.length <= MAX_RADIOS) {
    return (
      <OptionGroup id={id} describedBy={describedBy} invalid={invalid}>
        {choices.map((choice) => (
          <label key={choice.name} className="form-option">
            <input type="radio" name={question.id} value={choice.name} defaultChecked={text(value) === choice.name} />
            <span className={`form-chip chip-${choice.color}`}>{choice.name}</span>
          </label>
        ))}
      </OptionGroup>
    );
  }
  return <Dropdown question={question} id={id} value={value} describedBy={describedBy} invalid={invalid} members={members} placeholder={t('forms.page.choose')} options={choices.map((choice) => ({ value: choice.name, label: choice.name }))} />;
}

function MultiSelectInput({ question, id, value, describedBy, invalid }: QuestionInputProps) {
  const chosen = list(value);
  return (
    <OptionGroup id={id} describedBy={describedBy} invalid={invalid}>
      {(question.options.choices ?? []).map((choice) => (
        <label key={choice.name} className="form-option">
          <input type="checkbox" name={question.id} value={choice.name} defaultChecked={chosen.includes(choice.name)} />
          <span className={`form-chip chip-${choice.color}`}>{choice.name}</span>
        </label>
      ))}
    </OptionGroup>
  );
}

function RatingInput({ question, id, value, describedBy, invalid }: QuestionInputProps) {
  const { t } = useTranslation();
  const max = question.options.max ?? 5;
  return (
    <OptionGroup id={id} describedBy={describedBy} invalid={invalid} className="form-rating">
      {Array.from({ length: max }, (_, i) => String(i + 1)).map((stars) => (
        <label key={stars} className="form-star" title={t('forms.page.ratingValue', { count: Number(stars) })}>
          <input type="radio" name={question.id} value={stars} defaultChecked={text(value) === stars} aria-label={t('forms.page.ratingValue', { count: Number(stars) })} />
          <span aria-hidden="true">★</span>
        </label>
      ))}
      <label className="form-option form-no-rating">
        <input type="radio" name={question.id} value="" defaultChecked={!text(value)} />
        {t('forms.page.noRating')}
      </label>
    </OptionGroup>
  );
}

function UserInput(props: QuestionInputProps) {
  const { t } = useTranslation();
  return <Dropdown {...props} placeholder={t('forms.page.choose')} options={props.members.map((member) => ({ value: member.id, label: member.name }))} />;
}

function Dropdown({ question, id, value, describedBy, invalid, placeholder, options }: QuestionInputProps & { placeholder: string; options: Array<{ value: string; label: string }> }) {
  return (
    <select id={id} name={question.id} defaultValue={text(value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={question.required || undefined}>
      <option value="">{placeholder}</option>
      {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
    </select>
  );
}

/** Radios and checkboxes of one question: a group named by the question's label. */
function OptionGroup({ id, describedBy, invalid, className, children }: { id: string; describedBy?: string; invalid: boolean; className?: string; children: ReactNode }) {
  return (
    <div id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={`form-options ${className ?? ''}`}>
      {children}
    </div>
  );
}

/**
 * The input of every type a form can ask, by type name; `null` for types a form never
 * asks (core/views/form-questions.ts `canAskOnForm`). A new type fails to compile here.
 */
export const QUESTION_INPUTS = {
  singleLineText: plainInput('text'),
  longText: LongTextInput,
  number: plainInput('text', { inputMode: 'decimal' }),
  currency: affixedNumber((question) => question.options.symbol ?? '¥', 'before'),
  percent: affixedNumber(() => '%', 'after'),
  date: DateInput,
  checkbox: CheckboxInput,
  singleSelect: SingleSelectInput,
  multipleSelects: MultiSelectInput,
  email: plainInput('email', { inputMode: 'email', autoComplete: 'email' }),
  phoneNumber: plainInput('tel', { inputMode: 'tel', autoComplete: 'tel' }),
  url: plainInput('url', { inputMode: 'url' }),
  rating: RatingInput,
  user: UserInput,
  attachment: null,
  autoNumber: null,
  createdTime: null,
  lastModifiedTime: null,
  createdBy: null,
  lastModifiedBy: null,
} satisfies Record<StoredTypeName, QuestionInput | null>;

