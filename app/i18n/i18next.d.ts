import type { en } from './resources/en.ts';

// Typed keys: `t('bases.titel')` is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
