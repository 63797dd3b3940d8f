import type { UiLanguage } from '../../contract/ipc';

/** At first start the UI follows the system: Russian for ru-*, else English. */
export function uiLanguageFromSystem(preferred: readonly string[]): UiLanguage {
  const first = preferred.find((tag) => tag.trim() !== '');
  return first !== undefined && /^ru(?:[-_]|$)/i.test(first.trim()) ? 'ru' : 'en';
}
