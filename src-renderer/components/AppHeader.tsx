import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The top line: the app, the open document, the interface language. */
export function AppHeader({ documentTitle, onLibrary }: { documentTitle: string | undefined; onLibrary?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app-bar">
      <div className="app-brand">
        {onLibrary && (
          <button type="button" className="tool-button library-button" onClick={onLibrary}>
            {t('library.button')}
          </button>
        )}
        <span className="app-logo" aria-hidden="true">
          EN|RU
        </span>
        <span className="app-name">{t('app.name')}</span>
        {documentTitle && (
          <>
            <span className="app-header-sep" aria-hidden="true">
              /
            </span>
            <span className="app-document">{documentTitle}</span>
          </>
        )}
      </div>
      <LanguageSwitch />
    </div>
  );
}
