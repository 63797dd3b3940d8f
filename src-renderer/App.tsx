import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView, ReaderPrefs } from '../src-main/contract/ipc';
import { expectOk, getApi } from './api';
import { AppHeader } from './components/AppHeader';
import { Reader } from './components/Reader';

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; doc: DocumentView };

export function App({ initialPrefs }: { initialPrefs: ReaderPrefs }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const api = getApi();
    (async () => {
      const documents = await expectOk(api.listDocuments());
      const first = documents[0];
      if (!first) throw new Error(t('errors.noDocuments'));
      const doc = await expectOk(api.openDocument({ id: first.id }));
      performance.mark('bitext:document-received');
      if (!cancelled) setState({ status: 'ready', doc });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
    // Loaded once; the UI language does not change the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The application menu (Electron) can switch the language too.
  useEffect(() => getApi().onUiLanguageChanged((settings) => void i18n.changeLanguage(settings.uiLanguage)), [i18n]);

  const title = state.status === 'ready' ? state.doc.manifest.shortTitle[i18n.language === 'ru' ? 'ru' : 'en'] : undefined;
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);

  if (state.status === 'ready') return <Reader doc={state.doc} initialPrefs={initialPrefs} />;
  return (
    <div className="reader-page">
      <header className="app-header">
        <AppHeader documentTitle={undefined} />
      </header>
      <main id="reader" className="app-main" tabIndex={-1}>
        {state.status === 'loading' ? (
          <p className="status" role="status">
            {t('status.loading')}
          </p>
        ) : (
          <div className="status status-error" role="alert">
            <p>{t('errors.openFailed')}</p>
            <p className="status-detail">{state.message}</p>
          </div>
        )}
      </main>
    </div>
  );
}
