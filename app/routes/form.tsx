import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData, useLocation, useNavigation, type MetaFunction } from 'react-router';
import { FormFill } from '../components/forms/form-fill.tsx';
import { pageTitle } from '../i18n/page-title.ts';
import type { FormActionData, loader } from './form.server.ts';

export { action, loader } from './form.server.ts';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...pageTitle(matches, 'forms.page.submit', data?.form.title),
  // A share link is for the people it was sent to, not for search engines.
  { name: 'robots', content: 'noindex' },
];

/** A form view's share link: the form, or its thank-you once sent. */
export default function FormPage() {
  const { t } = useTranslation();
  const { form, values } = useLoaderData<typeof loader>();
  const result = useActionData<FormActionData>();
  const busy = useNavigation().state === 'submitting';
  const location = useLocation();
  if (result?.done) {
    return (
      <section className="card form-page form-thanks" role="status">
        <h1>{form.title}</h1>
        <p>{form.thankYouMessage || t('forms.page.thanks')}</p>
        {/* A plain link reloads the empty form (and its prefill) from the server. */}
        <a className="button ghost" href={location.pathname + location.search}>{t('forms.page.again')}</a>
      </section>
    );
  }
  const formError = result?.formError === 'rateLimited'
    ? t('forms.page.rateLimited', { seconds: result.retryAfter ?? 60 })
    : result?.formError === 'tooLarge' ? t('forms.page.tooLarge') : undefined;
  return (
    <div className="form-page">
      <section className="card">
        <FormFill form={form} values={result && !result.done ? result.values : values} errors={result && !result.done ? result.errors : undefined} formError={formError} busy={busy} />
      </section>
      <p className="form-footer">{t('forms.page.poweredBy')}</p>
    </div>
  );
}
