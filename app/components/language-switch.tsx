import { useTranslation } from 'react-i18next';
import { Form, useLocation } from 'react-router';
import { LOCALES, type Locale } from '../i18n/locale.ts';

/**
 * One button per language, posting to /locale. A form rather than a script, so it works
 * before hydration, and the server renders the next page in the new language.
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" className="language-switch" aria-label={t('nav.language')}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className={option === locale ? 'active' : undefined}
        >
          {t(`locale.${option}`)}
        </button>
      ))}
    </Form>
  );
}
