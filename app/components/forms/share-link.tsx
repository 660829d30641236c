import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The form's share link with copy and open; the origin is known only in the browser. */
export function ShareLink({ shareId }: { shareId: string | undefined }) {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  if (!shareId) return <p className="muted">{t('forms.builder.noShareLink')}</p>;
  const path = `/forms/${shareId}`;
  const url = origin + path;
  return (
    <div className="builder-share">
      <input type="text" readOnly value={url} aria-label={t('forms.builder.shareLink')} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
        }}
      >
        {copied ? t('forms.builder.copied') : t('forms.builder.copy')}
      </button>
      <a className="button ghost" href={path} target="_blank" rel="noopener">{t('forms.builder.open')}</a>
    </div>
  );
}
