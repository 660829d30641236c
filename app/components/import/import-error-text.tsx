import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/api-client.ts';
import { apiErrorText } from '../ui/api-error-text.ts';

/**
 * A refused file or mapping: the translated summary and, on its own line, the place the
 * server named (sheet, row as Excel numbers it, column), so the person can find it in Excel.
 */
export function ImportErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const details = error instanceof ApiError ? error.details ?? {} : {};
  const parts: string[] = [];
  if (typeof details.sheet === 'string') parts.push(t('imports.placeSheet', { sheet: details.sheet }));
  if (typeof details.row === 'number') parts.push(t('imports.placeRow', { row: details.row }));
  if (typeof details.column === 'string' || typeof details.column === 'number') parts.push(t('imports.placeColumn', { column: String(details.column) }));
  return (
    <div className="form-error import-error" role="alert">
      {parts.length ? <p className="import-error-place">{t('imports.place', { place: parts.join(t('imports.placeSeparator')) })}</p> : null}
      <p>{apiErrorText(t, error)}</p>
    </div>
  );
}
