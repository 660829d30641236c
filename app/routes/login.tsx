import { useTranslation } from 'react-i18next';
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from 'react-router';
import { FormError, TextField } from '../components/text-field.tsx';
import { pageTitle } from '../i18n/page-title.ts';
import type { LoginActionData, loader } from './login.server.ts';

export { action, loader } from './login.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.signIn');

export default function Login() {
  const { t } = useTranslation();
  const { redirectTo, signupOpen } = useLoaderData<typeof loader>();
  const result = useActionData<LoginActionData>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="card narrow auth-card">
      <h1>{t('auth.loginTitle')}</h1>
      <p className="muted">{t('auth.loginSubtitle')}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={result?.form} />
        <TextField name="email" type="email" label={t('auth.email')} autoComplete="email" defaultValue={result?.email} error={result?.fields.email} required autoFocus />
        <TextField name="password" type="password" label={t('auth.password')} autoComplete="current-password" error={result?.fields.password} required />
        <button type="submit" className="button primary" disabled={busy}>{busy ? t('auth.submitting') : t('auth.submitLogin')}</button>
      </Form>
      {signupOpen ? (
        <p className="muted small">
          {t('auth.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
        </p>
      ) : null}
    </section>
  );
}
