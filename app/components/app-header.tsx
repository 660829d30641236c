import { useTranslation } from 'react-i18next';
import { Form, Link, useLocation } from 'react-router';
import type { Locale } from '../i18n/locale.ts';
import { LanguageSwitch } from './language-switch.tsx';

interface Props {
  user: { name: string; email: string; isAdmin: boolean } | null;
  locale: Locale;
  signupOpen: boolean;
}

/** The shell's top bar: brand, who is signed in, language, sign out. */
export function AppHeader({ user, locale, signupOpen }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label={t('app.name')}>
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </Link>
      <nav className="header-actions">
        <LanguageSwitch locale={locale} />
        {user ? (
          <>
            <Link to="/settings" className="user-chip" title={t('nav.signedInAs', { name: user.email })} aria-label={`${user.name} · ${t('nav.settings')}`}>
              <span className="avatar" aria-hidden="true">{initial(user.name)}</span>
              <span className="user-name">{user.name}</span>
              {user.isAdmin ? <span className="badge">{t('nav.admin')}</span> : null}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="button ghost">{t('nav.signOut')}</button>
            </Form>
          </>
        ) : pathname === '/login' ? (
          signupOpen ? <Link className="button ghost" to="/signup">{t('nav.signUp')}</Link> : null
        ) : (
          <Link className="button ghost" to="/login">{t('nav.signIn')}</Link>
        )}
      </nav>
    </header>
  );
}

function initial(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? '?';
}
