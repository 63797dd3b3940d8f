import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { otherUiLanguage, setUiLanguage } from '../ui-language';
import type { DocumentView, FirstDocument, Lang, ReaderPrefs } from '../../src-main/contract/ipc';
import { useActionKeys } from '../actions/useActionKeys';
import { lazyView, preloadLazyViews } from '../lazy';
import { useLookupTriggers } from '../hooks/useLookupTriggers';
import { useCompareModel } from '../compare/actions';
import { CompareContext } from '../compare/model';
import { useAnnotations } from '../hooks/useAnnotations';
import { usePrefs } from '../hooks/usePrefs';
import { expectOk, getApi } from '../api';
import { ReaderContext, useReaderState } from '../reader/context';
import { LinkStore, LinkStoreContext } from '../reader/links-store';
import { ReaderController } from '../reader/controller';
import { concordanceMarks, mergeMarks } from '../reader/concordance-view';
import { buildMarks } from '../reader/marks';
import { ReaderBody, type ReaderBodyHandle } from '../reader/ReaderBody';
import { type RowCallbacks, RowCallbacksContext } from '../reader/RowView';
import { type FootnoteLayer, FootnotesContext, footnotesByClause, OpenFootnoteContext } from '../reader/footnotes';
import { RowTextContext } from '../reader/row-text';
import { useReaderEffects } from '../reader/useReaderEffects';
import { DocumentHeader } from './DocumentHeader';
import { Notices } from './Notices';
import { Overlays } from './Overlays';
import { ReadingProgress } from './ReadingProgress';
// Search and the concordance are typed into right after their key: in the first bundle, so that no
// key typed before a lazy chunk arrived is lost (or run as a shortcut).
import { ConcordancePanel, type ConcordanceShown } from './ConcordancePanel';
import { SearchPanel } from './SearchPanel';
import { SelectionBar } from './SelectionBar';
import { TopBar } from './TopBar';

const ChecksPanel = lazyView(() => import('./ChecksPanel').then((m) => m.ChecksPanel));
const GlossaryPanel = lazyView(() => import('./GlossaryPanel').then((m) => m.GlossaryPanel));

// The side panels and the edit bar, each its own chunk outside the first bundle (see lazy.tsx).
const AnnotationPanel = lazyView(() => import('./AnnotationPanel').then((m) => m.AnnotationPanel));
const BookmarksPanel = lazyView(() => import('./BookmarksPanel').then((m) => m.BookmarksPanel));
const ContentsPanel = lazyView(() => import('./ContentsPanel').then((m) => m.ContentsPanel));
const EditBar = lazyView(() => import('./EditBar').then((m) => m.EditBar));

export interface ReaderProps {
  doc: DocumentView;
  initialPrefs: ReaderPrefs;
  onPrefsChanged: (prefs: ReaderPrefs) => void;
  onDocumentChanged: (doc: DocumentView) => void;
  onLibrary: () => void;
  /** Just opened (at start, from the library, by an import): the text takes the focus (else it stays where it is). */
  focusOnOpen?: boolean;
  /** `doc` holds the first rows of a long document only; the whole follows (App asks for it). */
  partial?: FirstDocument['partial'];
  /** The row read last, when it came with the document (`null`: none kept); else it is asked for. */
  position?: string | null;
}

/**
 * The reading screen, as a layout: the top bar, the aligned text, the side panel, the overlays.
 * What the reader's actions do is in `ReaderController`; which key runs which in the action
 * registry; focus, scrolling and saving the position in `useReaderEffects`.
 */
export function Reader(props: ReaderProps) {
  const { t, i18n } = useTranslation();
  const [prefs, updatePrefs, prefsError] = usePrefs(props.initialPrefs, props.onPrefsChanged);
  const annotations = useAnnotations(props.doc.manifest.id);
  const deps = { doc: props.doc, prefs, updatePrefs, annotations, t, onDocumentChanged: props.onDocumentChanged, onLibrary: props.onLibrary, partial: props.partial !== undefined, switchUiLanguage: () => setUiLanguage(i18n, otherUiLanguage(i18n.language)) };
  const [app] = useState(() => new ReaderController(deps));
  app.sync(deps);
  // The whole of a long document is drawn: keys pressed meanwhile run now.
  const partial = props.partial !== undefined;
  useEffect(() => {
    if (!partial) app.wholeArrived();
  }, [app, partial]);
  const rowCount = app.entries.length;
  useLayoutEffect(() => app.dispatch({ type: 'rows-changed', rowCount }), [app, rowCount]);
  // The first rows are on screen: fetch the panels' and dialogs' chunks now, before they are asked for.
  useEffect(() => preloadLazyViews(), []);
  const compare = useCompareModel(app);
  // Term links of the rows drawn, asked for afresh when the document (or its alignment) changes.
  const documentId = props.doc.manifest.id;
  const links = useMemo(() => new LinkStore((rowIds) => expectOk(getApi().compareLinks({ documentId, rowIds }))), [documentId]);
  const shownDoc = useRef(props.doc);
  useEffect(() => {
    if (shownDoc.current === props.doc) return;
    shownDoc.current = props.doc;
    links.invalidate();
  }, [links, props.doc]);
  useLayoutEffect(() => app.attachLinks(links), [app, links]);
  // Scrolling: the links of the rows drawn are asked for once the page stands still.
  useEffect(() => {
    const onScroll = () => links.scrolled();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [links]);
  // A glossary edited in the Glossary panel or editor: glossary terms are linked first, so the
  // links are fetched again (the first load of the glossary is not a change).
  useEffect(() => {
    let last = compare.state.glossary;
    let loaded = last.status !== 'loading';
    return compare.subscribe(() => {
      const now = compare.state.glossary;
      if (now === last || now.status === 'loading') return;
      last = now;
      if (loaded) links.invalidate();
      loaded = true;
    });
  }, [compare, links]);
  return (
    <ReaderContext.Provider value={app}>
      <CompareContext.Provider value={compare}>
        <LinkStoreContext.Provider value={links}>
          <ReaderScreen app={app} prefsError={prefsError} focusOnOpen={props.focusOnOpen === true} groupsInDocument={props.partial?.groups} position={props.position} />
        </LinkStoreContext.Provider>
      </CompareContext.Provider>
    </ReaderContext.Provider>
  );
}

const NO_CLAUSES: ReaderController['clauseIndex'] = new Map();

function ReaderScreen({
  app,
  prefsError,
  focusOnOpen,
  groupsInDocument,
  position,
}: {
  app: ReaderController;
  prefsError: string | undefined;
  focusOnOpen: boolean;
  groupsInDocument: number | undefined;
  position: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const ui: Lang = i18n.language === 'ru' ? 'ru' : 'en';
  const body = useRef<ReaderBodyHandle>(null);
  const header = useRef<HTMLElement>(null);
  useActionKeys(app);
  useReaderEffects(app, body, header, focusOnOpen, position);
  // The row read kept in place when a panel changes the column's width (its own chunk, after the first paint).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import('../reader/keep-place').then((m) => {
      if (!gone) stop = m.keepPlace(app);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [app]);
  useLookupTriggers(app);

  const mode = useReaderState((s) => s.mode);
  const panel = useReaderState((s) => s.panel);
  const search = useReaderState((s) => s.search);
  const pending = useReaderState((s) => s.pending);
  const overlay = useReaderState((s) => s.overlay);
  const peekRow = useReaderState((s) => s.peekRow);
  const bookmarkIds = useReaderState((s) => s.bookmarks);
  const { doc, prefs, entries } = app;
  const list = app.annotations.annotations;
  const searchOptions = useReaderState((s) => s.searchOptions);
  const searchResult = app.searchResult();
  const hits = searchResult.hits;
  // The clause index is built only once there are notes to place (not for the first paint).
  const built = useMemo(
    () => buildMarks(list, list.length > 0 ? app.clauseIndex : NO_CLAUSES, (id) => app.rowIndexOf(id), hits, search.hit),
    // `doc` is read through the controller: its clause index and row numbers are the document's.
    // oxlint-disable-next-line react/memo-dependencies, react-hooks/exhaustive-deps
    [list, app, doc, hits, search.hit],
  );
  const { rowNotes, marginNotes } = built;
  // The concordance's hits and their renderings, marked in the text while its panel is open.
  const [concordance, setConcordance] = useState<ConcordanceShown | undefined>();
  const marks = useMemo(
    () => (concordance && panel === 'concordance' ? mergeMarks(built.marks, concordanceMarks(entries, (id) => app.rowIndexOf(id), concordance.result, concordance.current)) : built.marks),
    [built.marks, concordance, panel, entries, app],
  );
  const confirmed = useMemo(() => new Set(doc.alignment?.confirmed ?? []), [doc]);
  const bookmarks = useMemo(() => new Set(bookmarkIds), [bookmarkIds]);
  const view = useMemo(
    () => ({ layout: prefs.layout, swapped: prefs.swapped, singleLang: prefs.singleLang, editing: mode === 'edit-alignment' }),
    [prefs.layout, prefs.swapped, prefs.singleLang, mode],
  );
  const callbacks = useMemo<RowCallbacks>(
    () => ({
      onContextMenu: (entry, _clause, lang, at) => app.open({ kind: 'menu', target: { rowIndex: entry.index, lang }, at }),
      onAnnotationClick: (id) => app.editAnnotation(id),
    }),
    [app],
  );
  // The source's own footnotes: their marks in the clauses; a mark opens (or closes) its popup.
  const footnotes = useMemo<FootnoteLayer>(
    () => ({
      byClause: footnotesByClause(doc.footnotes),
      open: (index) => {
        const open = app.state.overlay;
        if (open?.kind === 'footnote' && open.index === index) app.close();
        else app.open({ kind: 'footnote', index });
      },
      ui,
    }),
    [doc, app, ui],
  );
  const columns: Lang[] = prefs.swapped ? ['ru', 'en'] : ['en', 'ru'];
  const problem = app.annotations.problem;

  return (
    <div className={`reader-page mode-${mode}`}>
      <a className="skip-link" href="#reader">
        {t('app.skipToText')}
      </a>
      <header ref={header} className="app-header">
        <TopBar title={doc.manifest.shortTitle[ui]} />
        {mode === 'edit-alignment' && <EditBar />}
        {doc.alignment && doc.alignment.warnings.length > 0 && (
          <p className="inline-error" role="alert">
            {t('alignment.dropped', { count: doc.alignment.warnings.length })}
          </p>
        )}
        {problem && (
          <p className="inline-error" role="alert">
            {problem.kind === 'recovered'
              ? problem.affected === undefined
                ? t('annotations.problemDamagedUnknown', { file: problem.movedTo })
                : problem.affected > 0
                  ? t('annotations.problemDamaged', { count: problem.affected, file: problem.movedTo })
                  : t(problem.restoredFrom === 'backup' ? 'annotations.problemRestored' : 'annotations.problemNoBackup', { file: problem.movedTo })
              : t('annotations.problemNewer')}
          </p>
        )}
        {prefsError && (
          <p className="inline-error" role="alert">
            {t('errors.savePrefsFailed')}
          </p>
        )}
      </header>
      <div className={`reader-layout${panel ? ` has-panel panel-${panel}` : ''}`}>
        {panel === 'contents' && (
          <ContentsPanel
            entries={entries}
            lang={ui}
            currentParagraph={entries[app.state.currentRow]?.group.number}
            {...(doc.chapters ? { chapters: doc.chapters, groups: doc.body.groups } : {})}
            currentRow={app.state.currentRow}
            onJump={(row) => app.goToRow(row)}
            onClose={() => app.dispatch({ type: 'close-panel' })}
          />
        )}
        <main id="reader" className="app-main" tabIndex={-1}>
          <article className={`document layout-${prefs.layout}${prefs.swapped ? ' is-swapped' : ''}`} aria-labelledby="document-title">
            <DocumentHeader doc={doc} {...(groupsInDocument !== undefined ? { groupsInDocument } : {})} />
            {prefs.layout === 'side-by-side' && (
              <div className="column-heads" aria-hidden="true">
                {columns.map((lang) => (
                  <span key={lang} className="column-head">
                    {lang === 'en' ? t('reader.columnEnglish') : t('reader.columnRussian')}
                  </span>
                ))}
              </div>
            )}
            <RowCallbacksContext.Provider value={callbacks}>
              <FootnotesContext.Provider value={footnotes}>
              <OpenFootnoteContext.Provider value={overlay?.kind === 'footnote' ? overlay.index : undefined}>
              <RowTextContext.Provider value={t}>
                <ReaderBody
                  ref={body}
                  entries={entries}
                  view={view}
                  marks={marks}
                  rowNotes={rowNotes}
                  marginNotes={marginNotes}
                  bookmarks={bookmarks}
                  peekRow={peekRow}
                  confirmed={confirmed}
                  {...(app.partial ? { rowsInDocument: doc.stats.rows } : {})}
                />
              </RowTextContext.Provider>
              </OpenFootnoteContext.Provider>
              </FootnotesContext.Provider>
            </RowCallbacksContext.Provider>
          </article>
        </main>
        {panel === 'notes' && <AnnotationPanel />}
        {panel === 'bookmarks' && <BookmarksPanel />}
        {panel === 'checks' && <ChecksPanel />}
        {panel === 'glossary' && <GlossaryPanel />}
        {panel === 'concordance' && <ConcordancePanel onShown={setConcordance} />}
        {panel === 'search' && (
          <SearchPanel
            query={search.query}
            onQuery={(query) => app.dispatch({ type: 'search-query', query })}
            result={searchResult}
            current={search.hit}
            entries={entries}
            options={searchOptions}
            onOptions={(patch) => app.setSearchOptions(patch)}
            index={app.rowSearch}
            onNext={() => app.findStep(1)}
            onPrevious={() => app.findStep(-1)}
            onPick={(hit) => app.showHit(hit)}
            onClose={() => app.dispatch({ type: 'close-panel' })}
          />
        )}
      </div>
      <ReadingProgress />
      <Notices />
      {pending && !overlay && <SelectionBar at={pending.at} />}
      <Overlays />
    </div>
  );
}
