import { useTranslation } from 'react-i18next';
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from 'react-router';
import { FormError, TextField } from '../components/text-field.tsx';
import { pageTitle } from '../i18n/page-title.ts';
import type { loader, SignupActionData } from './signup.server.ts';

export { action, loader } from './signup.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'nav.signUp');

export default function Signup() {
  const { t } = useTranslation();
  const { signupOpen } = useLoaderData<typeof loader>();
  const result = useActionData<SignupActionData>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="card narrow auth-card">
      <h1>{t('auth.signupTitle')}</h1>
      {signupOpen ? (
        <>
          <p className="muted">{t('auth.signupSubtitle')}</p>
          <Form method="post" className="stack" noValidate>
            <FormError error={result?.form} />
            <TextField name="name" label={t('auth.name')} autoComplete="name" defaultValue={result?.values.name} error={result?.fields.name} required autoFocus />
            <TextField name="email" type="email" label={t('auth.email')} autoComplete="email" defaultValue={result?.values.email} error={result?.fields.email} required />
            <TextField name="password" type="password" label={t('auth.password')} autoComplete="new-password" hint={t('auth.passwordHint')} error={result?.fields.password} required minLength={8} />
            <button type="submit" className="button primary" disabled={busy}>{busy ? t('auth.submitting') : t('auth.submitSignup')}</button>
          </Form>
        </>
      ) : (
        <p className="notice">{t('auth.signupClosed')}</p>
      )}
      <p className="muted small">
        {t('auth.haveAccount')} <Link to="/login">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}
