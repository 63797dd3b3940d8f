import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../src-main/contract/ipc';
import { setUiLanguage } from '../ui-language';

/** Switches the interface language; the choice is saved by the main process. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const current = i18n.language as UiLanguage;

  const choose = async (language: UiLanguage) => {
    if (language === current) return;
    try {
      await setUiLanguage(i18n, language);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="language-switch" role="group" aria-labelledby="language-switch-label">
      <span id="language-switch-label" className="language-switch-label">
        {t('settings.uiLanguage')}
      </span>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch-button"
          aria-pressed={language === current}
          lang={language}
          onClick={() => void choose(language)}
        >
          {t(`settings.languageNames.${language}`)}
        </button>
      ))}
      {error && (
        <span className="language-switch-error" role="alert">
          {t('errors.saveSettingsFailed')}
        </span>
      )}
    </div>
  );
}
