/**
 * Both languages' strings at once, for the tests. The app never imports this module: it loads only
 * the language it shows (`i18n.ts`), so that the first bundle carries neither.
 */
import enCommon from '../locales/en/common.json';
import ruCommon from '../locales/ru/common.json';

export const resources = {
  en: { common: enCommon },
  ru: { common: ruCommon },
} as const;
