import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type MetaFunction } from 'react-router';
import { pageTitle } from '../i18n/page-title.ts';
import type { loader } from './table.server.ts';

export { loader } from './table.server.ts';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'app.name', data?.table.name);

export default function TablePage() {
  const { t } = useTranslation();
  const { base, table } = useLoaderData<typeof loader>();
  return (
    <div>
      <nav className="breadcrumbs" aria-label="breadcrumb">
        <Link to="/">{t('table.back')}</Link>
        <span aria-hidden="true">/</span>
        <span>{base.name}</span>
      </nav>
      <h1>{table.name}</h1>
      <section className="card placeholder">
        <h2>{t('table.comingTitle')}</h2>
        <p className="muted">{t('table.comingBody', { name: table.name })}</p>
      </section>
    </div>
  );
}
