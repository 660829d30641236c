import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';
import { canEditViews } from '../schema/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { BuilderQuestions } from './builder-questions.tsx';
import { BuilderSettings } from './builder-settings.tsx';
import { FormFill } from './form-fill.tsx';
import { previewDescription } from './form-preview.ts';
import { ShareLink } from './share-link.tsx';
import { useFormDraft } from './use-form-draft.ts';
import './forms.css';

/**
 * A form view's page inside the table: its questions and settings on one side, the form
 * as visitors will see it on the other, and the share link. Editors change it (saved as
 * they go); everyone else sees it read-only.
 */
export function FormBuilder({ page, view }: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  const { t } = useTranslation();
  const canEdit = canEditViews(page.role) || view.personal;
  const { draft, update, state } = useFormDraft(page.tableId, view.id, view.form, canEdit && !view.locked);
  const members = page.cell.members;
  const preview = useMemo(
    () => previewDescription(draft, page.allFields, view.name, view.shareId ?? '', members.map((member) => ({ id: member.id, name: member.name }))),
    [draft, page.allFields, view.name, view.shareId, members],
  );
  const editable = canEdit && !view.locked;
  return (
    <div className="form-builder" aria-label={t('forms.builder.label')}>
      <div className="stack">
        <section aria-labelledby="builder-share">
          <h2 id="builder-share">{t('forms.builder.shareLink')}</h2>
          <ShareLink shareId={view.shareId} />
          {editable ? (
            <p className={`form-builder-status${state.kind === 'error' ? ' error' : ''}`} role="status">
              {state.kind === 'saving' ? t('forms.builder.saving') : state.kind === 'saved' ? t('forms.builder.saved')
                : state.kind === 'error' ? t('forms.builder.saveFailed', { message: apiErrorText(t, state.error) }) : ''}
            </p>
          ) : <p className="hint">{t('forms.builder.readOnly')}</p>}
        </section>
        <BuilderQuestions form={draft} fields={page.allFields} canEdit={editable} update={update} />
        <BuilderSettings form={draft} canEdit={editable} update={update} />
      </div>
      <section aria-labelledby="builder-preview">
        <h2 id="builder-preview">{t('forms.builder.preview')}</h2>
        <div className="builder-preview">
          <FormFill form={preview} values={{}} preview />
        </div>
      </section>
    </div>
  );
}
