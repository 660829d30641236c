import type { ParseKeys } from 'i18next';
import type { MetaDescriptor } from 'react-router';
import { getI18n } from './i18n.ts';
import { DEFAULT_LOCALE, isLocale } from './locale.ts';

/**
 * `<title>` for a route's meta export. Meta runs outside React, so it reads the language
 * from the root loader's data instead of a hook.
 */
export function pageTitle(matches: readonly ({ id: string; loaderData?: unknown } | undefined)[], key: ParseKeys, name?: string): MetaDescriptor[] {
  const rootData = matches.find((match) => match?.id === 'root')?.loaderData as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  const t = getI18n(locale).t;
  return [{ title: `${name ?? t(key)} · ${t('app.name')}` }];
}
