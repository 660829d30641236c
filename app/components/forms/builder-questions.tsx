import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAskOnForm } from '../../../core/views/form-questions.ts';
import type { FormConfig, FormField } from '../../../core/views/view-config.ts';
import { FieldIcon, kitOf } from '../fields/index.ts';
import type { GridField } from '../grid/types.ts';

interface Props {
  form: FormConfig;
  fields: readonly GridField[];
  canEdit: boolean;
  update: (change: (form: FormConfig) => FormConfig) => void;
}

const questionsOf = (form: FormConfig) => form.fields ?? [];

/** Moves the question at `from` to `to`. */
function moved(list: readonly FormField[], from: number, to: number): FormField[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * The form's questions in order: add a field, remove one, move it (buttons or drag), and
 * set its label, help, required and hidden. Fields that fill themselves in are not offered.
 */
export function BuilderQuestions({ form, fields, canEdit, update }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const questions = questionsOf(form);
  const byId = new Map(fields.map((field) => [field.id, field]));
  const asked = new Set(questions.map((question) => question.field));
  const offered = fields.filter((field) => !asked.has(field.id) && canAskOnForm(field.type, 'signedIn'));
  const notAskable = fields.filter((field) => !canAskOnForm(field.type, 'signedIn'));
  const access = form.access ?? 'public';

  const setQuestions = (change: (list: FormField[]) => FormField[]) => update((current) => ({ ...current, fields: change([...questionsOf(current)]) }));
  const setQuestion = (index: number, patch: Partial<FormField>) =>
    setQuestions((list) => list.map((question, i) => (i === index ? { ...question, ...patch } : question)));

  return (
    <section aria-labelledby="builder-questions">
      <h2 id="builder-questions">{t('forms.builder.questions')}</h2>
      {questions.length === 0 ? <p className="muted">{t('forms.builder.noQuestions')}</p> : null}
      <ol className="builder-questions">
        {questions.map((question, index) => {
          const field = byId.get(question.field);
          if (!field) return null;
          const name = question.label || field.name;
          return (
            <li
              key={question.field}
              className="builder-question"
              data-field={field.id}
              data-dragging={dragging === index || undefined}
              draggable={canEdit}
              onDragStart={(event) => {
                setDragging(index);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(event) => {
                if (dragging !== null) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== null && dragging !== index) setQuestions((list) => moved(list, dragging, index));
                setDragging(null);
              }}
            >
              <div className="builder-question-head">
                {canEdit ? <span className="builder-drag" aria-hidden="true">⠿</span> : null}
                <FieldIcon name={kitOf(field.type).icon} />
                <strong>{field.name}</strong>
                <span className="type">{t(`schema.types.${field.type}`)}</span>
                <button type="button" className="builder-icon-button" disabled={!canEdit || index === 0} aria-label={t('forms.builder.moveUp', { name })} onClick={() => setQuestions((list) => moved(list, index, index - 1))}>↑</button>
                <button type="button" className="builder-icon-button" disabled={!canEdit || index === questions.length - 1} aria-label={t('forms.builder.moveDown', { name })} onClick={() => setQuestions((list) => moved(list, index, index + 1))}>↓</button>
                <button type="button" className="builder-icon-button" disabled={!canEdit} aria-label={t('forms.builder.remove', { name })} onClick={() => setQuestions((list) => list.filter((_, i) => i !== index))}>✕</button>
              </div>
              <label className="builder-field">
                <span>{t('forms.builder.questionLabel')}</span>
                <input type="text" value={question.label ?? ''} maxLength={200} disabled={!canEdit} placeholder={t('forms.builder.questionLabelPlaceholder', { name: field.name })} onChange={(event) => setQuestion(index, { label: event.target.value || undefined })} />
              </label>
              <label className="builder-field">
                <span>{t('forms.builder.help')}</span>
                <textarea rows={2} value={question.help ?? ''} maxLength={1000} disabled={!canEdit} onChange={(event) => setQuestion(index, { help: event.target.value || undefined })} />
              </label>
              <div className="builder-row">
                <label>
                  <input type="checkbox" checked={question.required === true} disabled={!canEdit} onChange={(event) => setQuestion(index, { required: event.target.checked || undefined })} />
                  {t('forms.builder.required')}
                </label>
                <label>
                  <input type="checkbox" checked={question.hidden === true} disabled={!canEdit} onChange={(event) => setQuestion(index, { hidden: event.target.checked || undefined })} />
                  {t('forms.builder.hidden')}
                </label>
              </div>
              {question.hidden ? <p className="hint">{t('forms.builder.hiddenHint', { name: encodeURIComponent(field.name) })}</p> : null}
              {!canAskOnForm(field.type, access) ? <p className="hint">{t('forms.builder.userPublicNote')}</p> : null}
            </li>
          );
        })}
      </ol>
      {canEdit && offered.length ? (
        <div className="builder-row">
          <label className="builder-field">
            <span>{t('forms.builder.addField')}</span>
            <select
              value=""
              onChange={(event) => {
                const id = event.target.value;
                if (id) setQuestions((list) => [...list, { field: id }]);
              }}
            >
              <option value="">{t('forms.builder.addFieldPlaceholder')}</option>
              {offered.map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
            </select>
          </label>
          <button type="button" className="button ghost" onClick={() => setQuestions((list) => [...list, ...offered.map((field) => ({ field: field.id }))])}>
            {t('forms.builder.addAll')}
          </button>
        </div>
      ) : null}
      {notAskable.length ? <p className="hint">{t('forms.builder.notAskable', { names: notAskable.map((field) => field.name).join(', ') })}</p> : null}
    </section>
  );
}
