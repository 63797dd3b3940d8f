import i18next, { type BackendModule, type i18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../src-main/contract/ipc';

/**
 * Each language's strings are a chunk of their own, loaded when that language is shown (at start,
 * the reader's; the other when the reader switches): the first bundle carries neither.
 */
const LOCALES: Record<UiLanguage, () => Promise<{ default: unknown }>> = {
  en: () => import('../locales/en/common.json'),
  ru: () => import('../locales/ru/common.json'),
};

const localeBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = LOCALES[language as UiLanguage];
    if (!load) return callback(new Error(`No strings for language "${language}"`), false);
    load().then(
      (strings) => callback(null, strings.default as ResourceKey),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * Starts loading a language's strings now (a module import, so `initI18n` later gets the same
 * one): the page sent with the first rows names the reader's language on `<html lang>`, so its
 * strings come while the settings are asked for, not after.
 */
export function preloadStrings(language: string): void {
  LOCALES[language as UiLanguage]?.().catch(() => undefined);
}

export async function initI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(localeBackend).use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: ['en', 'ru'],
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return instance;
}
