import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView, FirstDocument, ReaderPrefs } from '../src-main/contract/ipc';
import { expectOk, getApi } from './api';
import { AppHeader } from './components/AppHeader';
import { Reader } from './components/Reader';
import { lazyView } from './lazy';

// The library (and its import dialog): a chunk of its own, outside the first bundle.
const Library = lazyView(() => import('./components/Library').then((m) => m.Library));

/** The document opened at start (the one read last, else the bundled statement), if there is one. */
export type Startup = FirstDocument | undefined;

type View =
  /** `from`: the document the reader came back from (its entry takes the focus); `null`: none. */
  | { kind: 'library'; from?: string | null }
  | { kind: 'loading'; id: string }
  /**
   * `opened`: just opened (at start, chosen in the library, or just imported), so the text takes
   * the focus; false when the reader's own document changed (the focus stays where it is).
   * `partial`: `doc` holds the first rows of a long document only; the whole follows.
   * `position`: the row read last, when the document came with it (at start).
   */
  | { kind: 'reader'; doc: DocumentView; opened?: boolean; partial?: FirstDocument['partial']; position?: string | null }
  | { kind: 'error'; id: string; message: string };

/**
 * The app: the reader on the document read last (the bundled statement at first start), and the
 * library of documents one click away.
 */
export function App({ initialPrefs, startup, ready }: { initialPrefs: ReaderPrefs; startup: Promise<Startup>; ready?: Startup }) {
  const { t, i18n } = useTranslation();
  // `ready`: the first document has already arrived (the page showed its rows meanwhile).
  const [view, setView] = useState<View>(() => {
    if (!ready) return { kind: 'loading', id: '' };
    performance.mark('bitext:document-received');
    return { kind: 'reader', doc: ready.doc, partial: ready.partial, opened: true, position: ready.position ?? null };
  });
  const [prefs, setPrefs] = useState(initialPrefs);

  const open = useCallback(async (id: string) => {
    setView({ kind: 'loading', id });
    try {
      const doc = await expectOk(getApi().openDocument({ id }));
      performance.mark('bitext:document-received');
      setView({ kind: 'reader', doc, opened: true });
    } catch (error) {
      setView({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    startup.then(
      (first) => {
        if (cancelled) return;
        if (!first) return setView({ kind: 'library' });
        performance.mark('bitext:document-received');
        setView({ kind: 'reader', doc: first.doc, partial: first.partial, opened: true, position: first.position ?? null });
      },
      (error: unknown) => {
        if (!cancelled) setView({ kind: 'error', id: '', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [startup, ready]);

  // The first rows of a long document are drawn (and live): now the whole, in their place.
  const partialId = view.kind === 'reader' && view.partial ? view.doc.manifest.id : undefined;
  useEffect(() => {
    if (!partialId) return;
    let cancelled = false;
    expectOk(getApi().openDocument({ id: partialId })).then(
      (doc) => {
        if (cancelled) return;
        performance.mark('bitext:document-whole');
        setView((now) => (now.kind === 'reader' && now.partial && now.doc.manifest.id === partialId ? { kind: 'reader', doc } : now));
      },
      (error: unknown) => {
        if (!cancelled) setView({ kind: 'error', id: partialId, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [partialId]);

  // The application menu (Electron) can switch the language too.
  useEffect(() => getApi().onUiLanguageChanged((settings) => void i18n.changeLanguage(settings.uiLanguage)), [i18n]);

  // While a document opens (the library's button is gone) the focus waits on the page's main area,
  // not on nothing; if it cannot open, on the way back to the library.
  const waiting = useRef<HTMLElement>(null);
  const opening = view.kind === 'loading' || view.kind === 'error' ? view.id : '';
  useLayoutEffect(() => {
    // (Not at start, `id` empty: nothing had the focus to lose.)
    if (opening === '') return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    (waiting.current?.querySelector<HTMLElement>('button') ?? waiting.current)?.focus({ preventScroll: true });
  }, [opening]);

  const title = view.kind === 'reader' ? view.doc.manifest.shortTitle[i18n.language === 'ru' ? 'ru' : 'en'] : undefined;
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : view.kind === 'library' ? `${t('library.title')} — ${t('app.name')}` : t('app.name');
  }, [title, t, view.kind]);

  if (view.kind === 'reader') {
    return (
      <Reader
        key={view.doc.manifest.id}
        doc={view.doc}
        {...(view.partial ? { partial: view.partial } : {})}
        {...(view.position !== undefined ? { position: view.position } : {})}
        initialPrefs={prefs}
        onPrefsChanged={setPrefs}
        focusOnOpen={view.opened === true}
        onDocumentChanged={(doc) => setView({ kind: 'reader', doc, opened: false })}
        onLibrary={() => setView({ kind: 'library', from: view.doc.manifest.id })}
      />
    );
  }
  if (view.kind === 'library') return <Library onOpen={(id) => void open(id)} {...(view.from !== undefined ? { focusEntry: view.from } : {})} />;
  return (
    <div className="reader-page">
      <header className="app-header">
        <AppHeader documentTitle={undefined} />
      </header>
      <main ref={waiting} id="reader" className="app-main" tabIndex={-1}>
        {view.kind === 'loading' ? (
          <p className="status" role="status">
            {t('status.loading')}
          </p>
        ) : (
          <div className="status status-error" role="alert">
            <p>{t('errors.openFailed')}</p>
            <p className="status-detail">{view.message}</p>
            <button type="button" className="tool-button" onClick={() => setView({ kind: 'library', from: view.id || null })}>
              {t('library.backToLibrary')}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
