import type { i18n as I18n } from 'i18next';
import type { UiLanguage } from '../src-main/contract/ipc';
import { expectOk, getApi } from './api';

/** Sets the interface language: saved by main first, then shown (what main saved). */
export async function setUiLanguage(i18n: I18n, language: UiLanguage): Promise<void> {
  const settings = await expectOk(getApi().setUiLanguage({ uiLanguage: language }));
  await i18n.changeLanguage(settings.uiLanguage);
}

/** The other of the two interface languages. */
export const otherUiLanguage = (language: string): UiLanguage => (language === 'ru' ? 'en' : 'ru');
