import { useTranslation } from 'react-i18next';
import { useStore } from '../grid/store.ts';
import { initials } from '../fields/user-cells.tsx';
import type { PresenceState, PresenceStore } from './presence-store.ts';

const MAX_SHOWN = 5;
const selectViewers = (state: PresenceState) => state.viewers;

/** Everyone else who has this table open, by the color their cell outline uses. */
export function PresenceAvatars({ store }: { store: PresenceStore }) {
  const { t } = useTranslation();
  const viewers = useStore(store, selectViewers);
  if (!viewers.length) return null;
  const names = viewers.map((viewer) => viewer.name).join(', ');
  return (
    <div className="presence-avatars" role="group" aria-label={t('grid.viewing', { names })} title={t('grid.viewing', { names })}>
      {viewers.slice(0, MAX_SHOWN).map((viewer) => (
        <span key={viewer.userId} className="presence-avatar" style={{ background: viewer.color }} data-name={viewer.name}>{initials(viewer.name)}</span>
      ))}
      {viewers.length > MAX_SHOWN ? <span className="presence-avatar more">+{viewers.length - MAX_SHOWN}</span> : null}
    </div>
  );
}
