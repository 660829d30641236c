import type { TFunction } from 'i18next';
import { ApiError } from './api-client.ts';

/**
 * A failed request as a sentence in the reader's language. The API's messages are English
 * for developers (decision 0011), but they say exactly what is wrong ("a field named
 * "Stage" already exists"), so validation and conflict errors show them inside the
 * translated sentence; the rest get a translated summary.
 */
export function apiErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('ui.apiError.generic', { message: error instanceof Error ? error.message : String(error) });
  if (error.status === 0) return t('ui.apiError.network');
  if (error.status === 401 || error.status === 403) return t('ui.apiError.forbidden');
  if (error.status === 404) return t('ui.apiError.notFound');
  if (error.status === 409) return t('ui.apiError.conflict', { message: error.message });
  if (error.status === 400 || error.status === 413 || error.status === 422) return t('ui.apiError.invalid', { message: error.message });
  return t('ui.apiError.generic', { message: error.message });
}
