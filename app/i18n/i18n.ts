import { createInstance, type i18n as I18n } from 'i18next';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { en } from './resources/en.ts';
import { zhCN } from './resources/zh-CN.ts';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

// One initialised instance per language, never re-pointed at another language: concurrent
// server renders in different languages cannot disturb each other, and switching language
// in the browser is swapping instances, which React re-renders like any other prop.
const instances = new Map<Locale, I18n>();

/** A ready i18next instance for `locale`; resources are bundled, so it initialises synchronously. */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: ['en', 'zh-CN'],
      resources,
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false },
    });
    void instance.init();
    instances.set(locale, instance);
  }
  return instance;
}
