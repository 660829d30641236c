import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from 'react-router';
import { FormError, TextField } from '../components/text-field.tsx';
import { formatDate } from '../i18n/format.ts';
import { isLocale } from '../i18n/locale.ts';
import { pageTitle } from '../i18n/page-title.ts';
import type { Intent, loader, SettingsActionData } from './settings.server.ts';

export { action, loader } from './settings.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'settings.title');

type Data = Awaited<ReturnType<typeof loader>>;

/** The result of the last submission, if it came from the form with this intent. */
function useResult(intent: Intent): SettingsActionData | undefined {
  const result = useActionData<SettingsActionData>();
  return result?.intent === intent ? result : undefined;
}

/** Clears a form after it succeeded (its inputs are uncontrolled). */
function useResetOnSuccess(result: SettingsActionData | undefined) {
  const ref = useRef<HTMLFormElement>(null);
  const idle = useNavigation().state === 'idle';
  useEffect(() => {
    if (result?.ok && idle) ref.current?.reset();
  }, [result, idle]);
  return ref;
}

export default function Settings() {
  const { t } = useTranslation();
  const { user, tokens, scopes, instance } = useLoaderData<typeof loader>();
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <ProfileSection name={user.name} email={user.email} />
      <PasswordSection />
      <TokensSection tokens={tokens} scopes={scopes} />
      {instance ? <InstanceSection signupOpen={instance.signupOpen} /> : null}
    </div>
  );
}

function Saved({ result }: { result?: SettingsActionData }) {
  const { t } = useTranslation();
  if (!result) return null;
  return result.ok ? <p className="success" role="status">{t('settings.saved')}</p> : <FormError error={result.form} />;
}

function ProfileSection({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const result = useResult('profile');
  return (
    <section className="card settings-section">
      <h2>{t('settings.profileTitle')}</h2>
      <p className="muted small">{email}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="profile" />
        <TextField name="name" label={t('auth.name')} defaultValue={name} error={result?.fields?.name} required maxLength={100} />
        <Saved result={result} />
        <button type="submit" className="button primary">{t('settings.saveProfile')}</button>
      </Form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const result = useResult('password');
  const ref = useResetOnSuccess(result);
  return (
    <section className="card settings-section">
      <h2>{t('settings.passwordTitle')}</h2>
      <p className="muted small">{t('settings.passwordBody')}</p>
      <Form method="post" className="stack" ref={ref}>
        <input type="hidden" name="intent" value="password" />
        <TextField name="currentPassword" type="password" label={t('settings.currentPassword')} autoComplete="current-password" error={result?.fields?.currentPassword} required />
        <TextField name="newPassword" type="password" label={t('settings.newPassword')} autoComplete="new-password" hint={t('auth.passwordHint')} error={result?.fields?.newPassword} required minLength={8} />
        {result?.ok ? <p className="success" role="status">{t('settings.passwordChanged')}</p> : <FormError error={result?.form} />}
        <button type="submit" className="button primary">{t('settings.changePassword')}</button>
      </Form>
    </section>
  );
}

function TokensSection({ tokens, scopes }: { tokens: Data['tokens']; scopes: Data['scopes'] }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const result = useResult('createToken');
  const ref = useResetOnSuccess(result);
  // Dates in UTC: the server cannot know the reader's zone, and both renders must agree.
  const date = (iso: string) => formatDate(iso, locale, 'UTC');
  return (
    <section className="card settings-section">
      <h2>{t('settings.tokensTitle')}</h2>
      <p className="muted small">{t('settings.tokensBody')}</p>
      {result?.token ? (
        <div className="new-token" role="status">
          <p>{t('settings.newTokenTitle')}</p>
          <code data-testid="new-token">{result.token}</code>
        </div>
      ) : null}
      {tokens.length === 0 ? <p className="muted small">{t('settings.noTokens')}</p> : (
        <ul className="token-list">
          {tokens.map((token) => (
            <li key={token.id}>
              <div>
                <strong>{token.name}</strong>
                <p className="muted tiny">
                  {token.scopes.join(', ')} · {token.baseIds ? t('settings.someBases', { count: token.baseIds.length }) : t('settings.allBases')}
                </p>
                <p className="muted tiny">
                  {t('settings.tokenMeta', {
                    created: date(token.createdAt),
                    used: token.lastUsedAt ? t('settings.lastUsed', { date: date(token.lastUsedAt) }) : t('settings.neverUsed'),
                  })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="deleteToken" />
                <input type="hidden" name="tokenId" value={token.id} />
                <button type="submit" className="button ghost danger">{t('settings.revoke')}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="stack" ref={ref}>
        <input type="hidden" name="intent" value="createToken" />
        <TextField name="name" label={t('settings.tokenName')} placeholder={t('settings.tokenNamePlaceholder')} error={result?.fields?.name} required maxLength={100} />
        <fieldset className="checkboxes">
          <legend>{t('settings.scopes')}</legend>
          {scopes.map((scope) => (
            <label key={scope}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked /> <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        {result && !result.ok ? <FormError error={result.form ?? result.fields?.scopes} /> : null}
        <button type="submit" className="button primary">{t('settings.createToken')}</button>
      </Form>
    </section>
  );
}

function InstanceSection({ signupOpen }: { signupOpen: boolean }) {
  const { t } = useTranslation();
  const result = useResult('instance');
  return (
    <section className="card settings-section">
      <h2>{t('settings.adminTitle')}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="instance" />
        <label className="switch">
          <input type="checkbox" name="signupOpen" defaultChecked={signupOpen} />
          <span>{t('settings.signupOpen')}</span>
        </label>
        <p className="hint">{t('settings.signupOpenHint')}</p>
        <Saved result={result} />
        <button type="submit" className="button primary">{t('settings.saveSettings')}</button>
      </Form>
    </section>
  );
}
