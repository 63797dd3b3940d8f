import type { UiLanguage } from '../src-main/contract/ipc';

/** `2020-06-17` → "17 June 2020" / «17 июня 2020 г.», without time-zone surprises. */
export function formatIsoDate(iso: string, language: UiLanguage): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
