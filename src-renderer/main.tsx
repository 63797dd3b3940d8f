import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { expectOk, getApi } from './api';
import { applyPrefs } from './hooks/usePrefs';
import { initI18n } from './i18n';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  let settings;
  try {
    settings = await expectOk(getApi().getSettings());
  } catch (error) {
    root.textContent = error instanceof Error ? error.message : String(error);
    root.setAttribute('role', 'alert');
    return;
  }
  applyPrefs(settings.reader);
  const i18n = await initI18n(settings.uiLanguage);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App initialPrefs={settings.reader} lastDocumentId={settings.lastDocumentId} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
