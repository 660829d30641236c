import { useTranslation } from 'react-i18next';
import type { CollabClient } from '../../../collab/client/index.ts';
import type { PendingEdits } from './pending-edits.ts';
import { useConnectionState } from './use-connection-state.ts';
import './offline-banner.css';

export interface OfflineBannerProps {
  /** The page's one collab client; null while it is being created (nothing shows). */
  collab: CollabClient | null;
  /** The grid's batch edits in flight, counted with the queued doc edits. */
  pendingEdits?: PendingEdits;
}

/**
 * Says the connection is gone and that work goes on: edits are queued and saved on
 * reconnect. A polite live region, so screen readers hear it without losing their place.
 * When the server ended this person's access, it says so instead, for good (an alert).
 */
export function OfflineBanner({ collab, pendingEdits }: OfflineBannerProps) {
  const { t } = useTranslation();
  const banner = useConnectionState(collab, pendingEdits);
  return (
    <div className="offline-banner-slot" role="status" aria-live="polite">
      {banner.kind === 'ended' ? (
        <div className="offline-banner ended" role="alert">
          <span className="offline-dot" aria-hidden="true" />
          <span>{t(banner.reason === 'signed-out' ? 'liveAccess.signedOut' : 'liveAccess.revoked')}</span>
          {banner.reason === 'signed-out' ? (
            <a className="button ghost" href="/login">{t('liveAccess.signIn')}</a>
          ) : (
            <button type="button" className="button ghost" onClick={() => window.location.reload()}>{t('liveAccess.reload')}</button>
          )}
        </div>
      ) : banner.kind === 'offline' ? (
        <div className="offline-banner">
          <span className="offline-dot" aria-hidden="true" />
          <span>
            {t('offline.offline')}
            {banner.pending ? ` ${t('offline.pending', { count: banner.pending })}` : ''}
          </span>
          {collab ? (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                // A failed attempt leaves the socket retrying on its own; the banner stays.
                collab.connect().catch(() => undefined);
              }}
            >
              {t('offline.retry')}
            </button>
          ) : null}
        </div>
      ) : banner.kind === 'syncing' ? (
        <div className="offline-banner syncing">
          <span className="offline-dot" aria-hidden="true" />
          <span>{t('offline.syncing')}</span>
        </div>
      ) : null}
    </div>
  );
}
