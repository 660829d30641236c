import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormConfig } from '../../../core/views/view-config.ts';

interface Props {
  form: FormConfig;
  canEdit: boolean;
  update: (change: (form: FormConfig) => FormConfig) => void;
}

/** Texts of the form, what happens after a submission, and who may fill it in. */
export function BuilderSettings({ form, canEdit, update }: Props) {
  const { t } = useTranslation();
  // Kept apart from the config so that choosing "redirect" before typing an address sticks.
  const [redirecting, setRedirecting] = useState(Boolean(form.redirectUrl));
  const set = (patch: Partial<FormConfig>) => update((current) => ({ ...current, ...patch }));
  const text = (key: 'title' | 'description' | 'submitLabel' | 'thankYouMessage') => (value: string) => set({ [key]: value || undefined });
  return (
    <section aria-labelledby="builder-settings">
      <h2 id="builder-settings">{t('forms.builder.settings')}</h2>
      <label className="builder-field">
        <span>{t('forms.builder.title')}</span>
        <input type="text" value={form.title ?? ''} maxLength={200} disabled={!canEdit} onChange={(event) => text('title')(event.target.value)} />
      </label>
      <label className="builder-field">
        <span>{t('forms.builder.description')}</span>
        <textarea rows={3} value={form.description ?? ''} maxLength={5000} disabled={!canEdit} onChange={(event) => text('description')(event.target.value)} />
      </label>
      <label className="builder-field">
        <span>{t('forms.builder.submitLabel')}</span>
        <input type="text" value={form.submitLabel ?? ''} maxLength={100} disabled={!canEdit} placeholder={t('forms.page.submit')} onChange={(event) => text('submitLabel')(event.target.value)} />
      </label>
      <fieldset disabled={!canEdit}>
        <legend>{t('forms.builder.afterSubmit')}</legend>
        <label className="builder-row">
          <input type="radio" name="after-submit" checked={!redirecting} onChange={() => { setRedirecting(false); set({ redirectUrl: undefined }); }} />
          {t('forms.builder.showMessage')}
        </label>
        <label className="builder-row">
          <input type="radio" name="after-submit" checked={redirecting} onChange={() => setRedirecting(true)} />
          {t('forms.builder.redirect')}
        </label>
      </fieldset>
      {redirecting ? (
        <RedirectInput value={form.redirectUrl ?? ''} disabled={!canEdit} onValid={(url) => set({ redirectUrl: url || undefined })} />
      ) : (
        <label className="builder-field">
          <span>{t('forms.builder.thankYouMessage')}</span>
          <textarea rows={2} value={form.thankYouMessage ?? ''} maxLength={2000} disabled={!canEdit} placeholder={t('forms.page.thanks')} onChange={(event) => text('thankYouMessage')(event.target.value)} />
        </label>
      )}
      <fieldset disabled={!canEdit}>
        <legend>{t('forms.builder.access')}</legend>
        <label className="builder-row">
          <input type="radio" name="form-access" checked={(form.access ?? 'public') === 'public'} onChange={() => set({ access: 'public' })} />
          {t('forms.builder.accessPublic')}
        </label>
        <label className="builder-row">
          <input type="radio" name="form-access" checked={form.access === 'signedIn'} onChange={() => set({ access: 'signedIn' })} />
          {t('forms.builder.accessSignedIn')}
        </label>
      </fieldset>
    </section>
  );
}

/** The server only takes http(s) addresses: the draft gets the address once it is one. */
function RedirectInput({ value, disabled, onValid }: { value: string; disabled: boolean; onValid: (url: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  const valid = typed === '' || /^https?:\/\/\S+$/i.test(typed);
  return (
    <label className="builder-field">
      <span>{t('forms.builder.redirectUrl')}</span>
      <input
        type="url"
        value={typed}
        maxLength={2000}
        disabled={disabled}
        aria-invalid={!valid || undefined}
        placeholder="https://"
        onChange={(event) => {
          setTyped(event.target.value);
          if (event.target.value === '' || /^https?:\/\/\S+$/i.test(event.target.value)) onValid(event.target.value);
        }}
      />
    </label>
  );
}
