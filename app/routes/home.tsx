import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from 'react-router';
import { FormError, TextField } from '../components/text-field.tsx';
import { formatDate } from '../i18n/format.ts';
import { isLocale } from '../i18n/locale.ts';
import { pageTitle } from '../i18n/page-title.ts';
import type { HomeActionData, loader } from './home.server.ts';

export { action, loader } from './home.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'bases.title');

type Base = Awaited<ReturnType<typeof loader>>['bases'][number];

export default function Home() {
  const { t } = useTranslation();
  const { bases } = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <div className="page-heading">
        <div>
          <h1>{t('bases.title')}</h1>
          <p className="muted">{t('bases.subtitle')}</p>
        </div>
      </div>
      <div className="home-grid">
        <section aria-label={t('bases.title')} className="bases">
          {bases.length === 0 ? <p className="empty card">{t('bases.empty')}</p> : (
            <ul className="base-list">
              {bases.map((base) => <BaseCard key={base.id} base={base} />)}
            </ul>
          )}
        </section>
        <CreateBaseForm />
      </div>
    </div>
  );
}

function BaseCard({ base }: { base: Base }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  return (
    <li className="card base-card" data-base-id={base.id}>
      <div className="base-card-head">
        <h3>{base.name}</h3>
        <span className={`role role-${base.role}`}>{t(`bases.role.${base.role}`)}</span>
      </div>
      <p className="muted small">
        {t('bases.tableCount', { count: base.tables.length })} · {t('bases.created', { date: formatDate(base.createdAt, locale, base.timeZone) })}
      </p>
      {base.tables.length === 0 ? <p className="muted small">{t('bases.noTables')}</p> : (
        <ul className="table-links">
          {base.tables.map((table) => (
            <li key={table.id}>
              <Link to={`/bases/${base.id}/tables/${table.id}`}>{table.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted tiny">{t('bases.timeZone', { zone: base.timeZone })}</p>
    </li>
  );
}

function CreateBaseForm() {
  const { t } = useTranslation();
  const result = useActionData<HomeActionData>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formAction === '/?index';
  const formRef = useRef<HTMLFormElement>(null);
  // Filled after hydration: the server cannot know the browser's zone, and rendering it
  // on the server would make the first render differ from the browser's.
  const [timeZone, setTimeZone] = useState('');
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''), []);
  useEffect(() => {
    if (result?.ok && navigation.state === 'idle') formRef.current?.reset();
  }, [result, navigation.state]);
  const failed = result && !result.ok ? result : undefined;
  return (
    <section className="card create-base" aria-labelledby="create-base-heading">
      <h2 id="create-base-heading">{t('bases.createTitle')}</h2>
      <Form method="post" className="stack" ref={formRef}>
        <FormError error={failed?.form} />
        <TextField name="name" label={t('bases.nameLabel')} placeholder={t('bases.namePlaceholder')} error={failed?.fields.name} required maxLength={100} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <button type="submit" className="button primary" disabled={busy}>{busy ? t('bases.creating') : t('bases.create')}</button>
      </Form>
    </section>
  );
}
