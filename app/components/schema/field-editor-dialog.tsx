import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/dialog.tsx';
import { apiErrorText } from '../ui/api-error-text.ts';
import { failureRows, summarizePreview, type ConversionSummary } from './conversion-summary.ts';
import { ConversionPreviewView, ConversionResultView } from './conversion-views.tsx';
import { createPayload, editPlan, hasErrors, initialFieldForm, validateFieldForm, type EditPlan, type FieldFormState } from './field-form.ts';
import { FieldFormBody } from './field-form-body.tsx';
import { storedTypeOf } from './field-type-meta.ts';
import type { DisplayEnv } from './format-value.ts';
import { suggestName } from './names.ts';
import { createField, previewConversion, updateField } from './schema-api.ts';
import type { ConversionReport, FieldJson, Member } from './types.ts';
import './schema.css';

export interface FieldEditorDialogProps {
  open: boolean;
  tableId: string;
  /** The table's fields: names must be unique among them. */
  fields: readonly FieldJson[];
  primaryFieldId: string | null;
  /** The field to edit; without it the dialog creates one. */
  field?: FieldJson;
  /** The base's IANA time zone, for date examples and the preview's values. */
  timeZone: string;
  members?: readonly Member[];
  /** The server saved the field (the grid updates its columns). Fires before the dialog closes. */
  onSaved(field: FieldJson, conversion?: ConversionReport): void;
  /** Cancel, Esc, or Done after a save: the parent unmounts or hides the dialog. */
  onClose(): void;
}

type Step =
  | { kind: 'form' }
  | { kind: 'preview'; plan: EditPlan; summary: ConversionSummary }
  | { kind: 'result'; report: ConversionReport };

/**
 * Creates a field, or edits one. An edit that changes the type or options first asks the
 * server what would happen to existing values (preview-conversion) and shows it; only
 * "Convert and save" writes. Values that could not convert are listed after saving.
 */
export function FieldEditorDialog(props: FieldEditorDialogProps) {
  // Keyed by the field, so reopening on another field starts from its saved state.
  return props.open ? <FieldEditor key={props.field?.id ?? 'new'} {...props} /> : null;
}

function FieldEditor({ tableId, fields, primaryFieldId, field, timeZone, members, onSaved, onClose }: FieldEditorDialogProps) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<FieldFormState>(() => initialFieldForm(field, { name: suggestName(t('schema.fieldEditor.newFieldName'), fields) }));
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState<null | 'checking' | 'saving'>(null);
  const [error, setError] = useState<string | null>(null);
  const aborter = useRef<AbortController | null>(null);

  const errors = useMemo(
    () => validateFieldForm(state, { fields, fieldId: field?.id, isPrimary: field !== undefined && field.id === primaryFieldId }),
    [state, fields, field, primaryFieldId],
  );
  const memberNames = useMemo(() => new Map((members ?? []).map((member) => [member.id, member.name])), [members]);
  const env: DisplayEnv = { locale: i18n.language, timeZone, userName: (id) => memberNames.get(id) };

  const run = async (kind: 'checking' | 'saving', work: (signal: AbortSignal) => Promise<void>) => {
    aborter.current?.abort();
    const controller = new AbortController();
    aborter.current = controller;
    setBusy(kind);
    setError(null);
    try {
      await work(controller.signal);
    } catch (caught) {
      if (!controller.signal.aborted) setError(apiErrorText(t, caught));
    } finally {
      if (aborter.current === controller) setBusy(null);
    }
  };

  const save = (plan: EditPlan) => run('saving', async (signal) => {
    const result = await updateField(tableId, field!.id, plan.patch, signal);
    onSaved(result.field, result.conversion);
    if (result.conversion?.failedCount) setStep({ kind: 'result', report: result.conversion });
    else onClose();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step.kind === 'preview') return void save(step.plan);
    if (step.kind === 'result') return onClose();
    setShowErrors(true);
    if (hasErrors(errors)) return;
    if (!field) {
      return void run('saving', async (signal) => {
        onSaved(await createField(tableId, createPayload(state), signal));
        onClose();
      });
    }
    const plan = editPlan(state, field);
    if (!plan) return onClose();
    if (!plan.converts) return void save(plan);
    void run('checking', async (signal) => {
      const preview = await previewConversion(tableId, field.id, { type: plan.patch.type, options: plan.patch.options }, signal);
      setStep({ kind: 'preview', plan, summary: summarizePreview(preview, field, plan.patch.options ?? {}, env) });
    });
  };

  const close = () => {
    aborter.current?.abort();
    onClose();
  };

  const title = step.kind === 'preview' ? t('schema.conversion.title') : step.kind === 'result' ? t('schema.result.title') : field ? t('schema.fieldEditor.editTitle') : t('schema.fieldEditor.createTitle');
  const formId = `field-editor-${field?.id ?? 'new'}`;
  const primaryLabel = step.kind === 'preview' ? t('schema.conversion.confirm')
    : step.kind === 'result' ? t('ui.done')
    : busy === 'checking' ? t('schema.fieldEditor.checking')
    : busy === 'saving' ? (field ? t('schema.fieldEditor.saving') : t('schema.fieldEditor.creating'))
    : field ? t('schema.fieldEditor.save') : t('schema.fieldEditor.create');

  return (
    <Dialog
      open
      onClose={close}
      title={title}
      description={field && step.kind === 'form' ? field.name : undefined}
      size="wide"
      busy={busy === 'saving'}
      closeLabel={t('ui.close')}
      footer={
        <>
          {step.kind === 'preview' ? <button type="button" className="button ghost" disabled={busy !== null} onClick={() => setStep({ kind: 'form' })}>{t('ui.back')}</button> : null}
          {step.kind !== 'result' ? <button type="button" className="button ghost" onClick={close} disabled={busy === 'saving'}>{t('ui.cancel')}</button> : null}
          <button type="submit" form={formId} className="button primary" disabled={busy !== null}>{primaryLabel}</button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {step.kind === 'form' ? (
          <FieldFormBody
            state={state}
            onChange={setState}
            errors={errors}
            showErrors={showErrors}
            primary={field !== undefined && field.id === primaryFieldId}
            typeLocked={field !== undefined && storedTypeOf(field.type) === undefined}
            locale={i18n.language}
            timeZone={timeZone}
          />
        ) : step.kind === 'preview' ? (
          <ConversionPreviewView summary={step.summary} />
        ) : (
          <ConversionResultView converted={step.report.converted} failedCount={step.report.failedCount} {...failureRows(step.report, field!, env)} />
        )}
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
}
