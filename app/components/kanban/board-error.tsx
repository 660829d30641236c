import { useTranslation } from 'react-i18next';

/**
 * The error line above a kanban, calendar or gallery (a failed load, move or view change);
 * nothing when there is no message. With `onClose` it has a × to dismiss it.
 */
export function BoardError({ message, onClose }: { message: string | null | undefined; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="form-error board-error" role="alert">
      {message}
      {onClose ? <button type="button" className="ui-icon-button" aria-label={t('boards.close')} onClick={onClose}>×</button> : null}
    </p>
  );
}
