import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData,
  type LinksFunction,
} from 'react-router';
import appCss from './styles/app.css?url';
import { AppHeader } from './components/app-header.tsx';
import { getI18n } from './i18n/i18n.ts';
import { DEFAULT_LOCALE } from './i18n/locale.ts';
import type { loader } from './root.server.ts';

export { loader } from './root.server.ts';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="%234f46e5"/></svg>' },
];

export function Layout({ children }: { children: React.ReactNode }) {
  // Undefined when the root loader itself failed: render the error page in English.
  const data = useRouteLoaderData<typeof loader>('root');
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={getI18n(locale)}>
          <AppHeader user={data?.user ?? null} locale={locale} signupOpen={data?.signupOpen ?? false} />
          <main className="page">{children}</main>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound && !isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="card narrow center" role="alert">
      <h1>{notFound ? t('errors.notFoundTitle') : t('errors.errorTitle')}</h1>
      <p className="muted">{notFound ? t('errors.notFoundBody') : t('errors.generic')}</p>
      <Link className="button" to="/">{t('errors.backHome')}</Link>
    </section>
  );
}
