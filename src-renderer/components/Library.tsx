import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, LocalizedText } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { AppHeader } from './AppHeader';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';
import { ImportDialog } from './ImportDialog';
import { DictionariesDialog } from './DictionariesDialog';
import { EditDetailsDialog } from './EditDetailsDialog';
import { documentProblemText } from '../import-messages';
import { Toast } from './Notices';

type Overlay =
  | { kind: 'import'; files: File[] }
  | { kind: 'rename'; entry: LibraryEntry }
  | { kind: 'remove'; entry: LibraryEntry }
  | { kind: 'details'; entry: LibraryEntry }
  | { kind: 'dictionaries' }
  | null;

/**
 * The start view: every document, bundled and imported, with what can be done to each.
 * `focusEntry`: the reader came back from that document, whose entry takes the focus (`null`: from
 * none, the heading takes it); without it the focus is left where it is.
 */
export function Library({ onOpen, focusEntry }: { onOpen: (id: string) => void; focusEntry?: string | null }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language === 'ru' ? 'ru' : 'en';
  const [entries, setEntries] = useState<LibraryEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [message, setMessage] = useState('');
  /** A message shown for a moment as well (the line above is for screen readers only). */
  const [toast, setToast] = useState<{ text: string; seq: number } | undefined>();
  const [dragging, setDragging] = useState(false);
  const main = useRef<HTMLElement>(null);
  /** The entry that takes the focus when the list is shown next (`null`: the heading; undefined: none). */
  const focusNext = useRef<string | null | undefined>(focusEntry);

  const reload = useCallback(async () => {
    try {
      setEntries(await expectOk(getApi().listLibrary()));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  // The entries are set when their answer arrives, not synchronously in the effect.
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect
    void reload();
  }, [reload]);

  // Back from a document: its entry's button (the one that opens it), else the heading. After a
  // removal: the next entry (its row and buttons are gone).
  useLayoutEffect(() => {
    const wanted = focusNext.current;
    if (wanted === undefined || (entries === undefined && !error)) return;
    focusNext.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const entry = wanted ? main.current?.querySelector<HTMLElement>(`[data-document-id="${CSS.escape(wanted)}"] .library-open:not(:disabled)`) : null;
    (entry ?? main.current?.querySelector<HTMLElement>('h1'))?.focus();
  }, [entries, error]);

  const date = new Intl.DateTimeFormat(ui === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium' });

  return (
    <div
      className={`reader-page library-page${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) setOverlay({ kind: 'import', files });
      }}
    >
      <a className="skip-link" href="#library">
        {t('library.skip')}
      </a>
      <header className="app-header">
        <AppHeader documentTitle={t('library.title')} />
      </header>
      <main ref={main} id="library" className="app-main library" tabIndex={-1}>
        <div className="library-head">
          <h1 tabIndex={-1}>{t('library.title')}</h1>
          <button type="button" className="tool-button primary" onClick={() => setOverlay({ kind: 'import', files: [] })}>
            {t('library.import')}
          </button>
          <button type="button" className="tool-button" onClick={() => setOverlay({ kind: 'dictionaries' })}>
            {t('library.dictionaries')}
          </button>
        </div>
        <p className="library-hint">{t('library.hint')}</p>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {entries === undefined && !error && <p role="status">{t('status.loading')}</p>}
        {entries && (
          <table className="library-table">
            <caption className="visually-hidden">{t('library.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('library.columns.title')}</th>
                <th scope="col">{t('library.columns.added')}</th>
                <th scope="col">{t('library.columns.rows')}</th>
                <th scope="col">{t('library.columns.annotations')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('library.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-document-id={entry.id}>
                  <td>
                    <button type="button" className="library-open" onClick={() => onOpen(entry.id)} disabled={!!entry.problem}>
                      <span className="library-title" id={`library-title-${entry.id}`}>
                        {entry.title[ui]}
                      </span>
                      <span className="library-subtitle" lang={ui === 'en' ? 'ru' : 'en'}>
                        {entry.title[ui === 'en' ? 'ru' : 'en']}
                      </span>
                    </button>
                    {entry.details?.author && <span className="library-author">{entry.details.author}</span>}
                    {entry.bundled && <span className="badge">{t('library.bundled')}</span>}
                    {entry.imported && (
                      <span className="library-origin">
                        {entry.imported.originalNames.join(' + ')} · {entry.imported.encodings.join(', ')}
                      </span>
                    )}
                    {entry.problem && (
                      <span className="field-error">{entry.problemCode ? documentProblemText(t, entry.problemCode) : ui === 'en' ? entry.problem : t('failures.corrupt-file')}</span>
                    )}
                  </td>
                  <td>{entry.addedAt ? date.format(new Date(entry.addedAt)) : t('library.bundledDate')}</td>
                  <td>{t('library.rows', { count: entry.rows })}</td>
                  <td>{t('library.annotations', { count: entry.annotations })}</td>
                  <td className="library-actions">
                    {!entry.bundled && (
                      <>
                        <button type="button" className="tool-button" aria-describedby={`library-title-${entry.id}`} onClick={() => setOverlay({ kind: 'rename', entry })}>
                          {t('library.rename')}
                        </button>
                        <button
                          type="button"
                          className="tool-button"
                          aria-label={`${t('library.editDetails')}: ${entry.title[ui]}`}
                          onClick={() => setOverlay({ kind: 'details', entry })}
                        >
                          {t('library.editDetails')}
                        </button>
                        <button type="button" className="tool-button" aria-describedby={`library-title-${entry.id}`} onClick={() => setOverlay({ kind: 'remove', entry })}>
                          {t('library.remove')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
      </main>
      {toast && (
        <Toast key={toast.seq} text={toast.text} onShown={() => setToast(undefined)} />
      )}
      {overlay?.kind === 'import' && (
        <ImportDialog
          initialFiles={overlay.files}
          onClose={() => setOverlay(null)}
          onStopped={() => {
            const text = t('library.importStopped');
            setMessage(text);
            setToast((last) => ({ text, seq: (last?.seq ?? 0) + 1 }));
          }}
          onImported={(id) => {
            setOverlay(null);
            onOpen(id);
          }}
        />
      )}
      {overlay?.kind === 'rename' && (
        <RenameDialog
          entry={overlay.entry}
          onClose={() => setOverlay(null)}
          onSave={async (title) => {
            await expectOk(getApi().renameDocument({ id: overlay.entry.id, title }));
            setOverlay(null);
            setMessage(t('library.renamed'));
            await reload();
          }}
        />
      )}
      {overlay?.kind === 'details' && (
        <EditDetailsDialog
          id={overlay.entry.id}
          title={overlay.entry.title}
          details={overlay.entry.details}
          onClose={() => setOverlay(null)}
          onSaved={() => {
            setOverlay(null);
            setMessage(t('library.detailsSaved'));
            void reload();
          }}
        />
      )}
      {overlay?.kind === 'dictionaries' && <DictionariesDialog onClose={() => setOverlay(null)} />}
      {overlay?.kind === 'remove' && (
        <RemoveDialog
          entry={overlay.entry}
          onClose={() => setOverlay(null)}
          onRemove={async (purge) => {
            await expectOk(getApi().removeDocument({ id: overlay.entry.id }));
            if (purge) await expectOk(getApi().purgeAnnotations({ id: overlay.entry.id }));
            const at = entries?.findIndex((e) => e.id === overlay.entry.id) ?? -1;
            focusNext.current = (entries?.[at + 1] ?? entries?.[at - 1])?.id ?? null;
            setOverlay(null);
            setMessage(t('library.removed'));
            await reload();
          }}
        />
      )}
    </div>
  );
}

function RenameDialog({ entry, onSave, onClose }: { entry: LibraryEntry; onSave: (title: LocalizedText) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [en, setEn] = useState(entry.title.en);
  const [ru, setRu] = useState(entry.title.ru);
  const [error, setError] = useState<string | undefined>();
  return (
    <Dialog title={t('library.renameTitle')} onClose={onClose} unsaved={en !== entry.title.en || ru !== entry.title.ru}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ en: en.trim(), ru: ru.trim() }).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <label className="editor-field">
          <span>{t('library.titleEn')}</span>
          <input value={en} required lang="en" onChange={(e) => setEn(e.target.value)} />
        </label>
        <label className="editor-field">
          <span>{t('library.titleRu')}</span>
          <input value={ru} required lang="ru" onChange={(e) => setRu(e.target.value)} />
        </label>
        <FormFooter error={error} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function RemoveDialog({ entry, onRemove, onClose }: { entry: LibraryEntry; onRemove: (purge: boolean) => Promise<void>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [purge, setPurge] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <Dialog title={t('library.removeTitle', { title: entry.title[i18n.language === 'ru' ? 'ru' : 'en'] })} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onRemove(purge).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <p>{t('library.removeExplain')}</p>
        {entry.annotations > 0 && (
          <label className="editor-check">
            <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
            <span>{t('library.purge', { count: entry.annotations })}</span>
          </label>
        )}
        <FormFooter error={error} onCancel={onClose} submitLabel={t('library.remove')} danger />
      </form>
    </Dialog>
  );
}
