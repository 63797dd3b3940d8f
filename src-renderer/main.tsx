import './styles/fonts.css';
import './styles/app.css';
import './styles/first-paint.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App, type Startup } from './App';
import { SettingsNotice } from './components/SettingsNotice';
import { expectOk, getApi } from './api';
import { applyPrefs } from './hooks/usePrefs';
import { initI18n, preloadStrings } from './i18n';

async function boot(): Promise<void> {
  performance.mark('bitext:boot');
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  // Rows sent with the page: main set `<html lang>` to the reader's language; fetch its strings now.
  const firstPaint = root.querySelector('.first-paint') !== null;
  if (firstPaint) preloadStrings(document.documentElement.lang);
  const api = getApi();
  // The settings and the first document: asked for by the preload before this bundle ran (the
  // first call gets that answer), so main reads and aligns while the interface is set up.
  const pendingSettings = expectOk(api.getSettings());
  const startup: Promise<Startup> = expectOk(api.openFirstDocument()).then((first) => first ?? undefined);
  startup.catch(() => undefined);
  let settings;
  try {
    settings = await pendingSettings;
  } catch (error) {
    root.textContent = error instanceof Error ? error.message : String(error);
    root.setAttribute('role', 'alert');
    return;
  }
  performance.mark('bitext:settings');
  applyPrefs(settings.reader);
  const i18n = await initI18n(settings.uiLanguage);
  performance.mark('bitext:i18n');
  // Rows sent with the page (main's snapshot of the first document) stay until React can draw the
  // same document in their place, so the reader never sees them give way to "Loading".
  const ready = firstPaint ? await startup.catch(() => undefined) : undefined;
  performance.mark('bitext:render');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SettingsNotice notice={settings.notice} />
        <App initialPrefs={settings.reader} startup={startup} ready={ready} />
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
