import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AlignmentOperation,
  AnnotationColor,
  AnnotationView,
  BitextExportFormat,
  Clause,
  DocumentView,
  Lang,
  Layout,
  LineSpacing,
  ReaderPrefs,
  ReviewRequest,
  Theme,
} from '../../src-main/contract/ipc';
import { FONT_STEPS, LAYOUTS, LINE_SPACINGS, THEMES } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { clearPinned, togglePinned } from '../highlight-store';
import { type ActionHandlers, useActions } from '../hooks/useActions';
import { useAnnotations } from '../hooks/useAnnotations';
import { usePrefs } from '../hooks/usePrefs';
import type { Mark } from '../reader/ClauseText';
import { pairAsMarkdown, pairAsText } from '../reader/copy';
import { flattenRows, type RowEntry, SearchIndex } from '../reader/model';
import { ReaderBody, type ReaderBodyHandle } from '../reader/ReaderBody';
import { type RowCallbacks, RowCallbacksContext } from '../reader/RowView';
import { selectionInText, type TextSelection } from '../reader/selection';
import { AnnotationEditor, type EditorValue } from './AnnotationEditor';
import { AnnotationPanel, quoteOf } from './AnnotationPanel';
import { SelectionBar } from './SelectionBar';
import { SplitDialog } from './SplitDialog';
import { AppHeader } from './AppHeader';
import { ClauseMenu, type ClauseMenuCommand } from './ClauseMenu';
import { ContentsPanel } from './ContentsPanel';
import { DocumentHeader } from './DocumentHeader';
import { GoToDialog } from './GoToDialog';
import { HelpDialog } from './HelpDialog';
import { SearchPanel } from './SearchPanel';
import { Toolbar } from './Toolbar';

const LAYOUT_CYCLE: readonly Layout[] = LAYOUTS;
const THEME_CYCLE: readonly Theme[] = THEMES;
const SPACING_CYCLE: readonly LineSpacing[] = LINE_SPACINGS;
const next = <T,>(cycle: readonly T[], value: T): T => cycle[(cycle.indexOf(value) + 1) % cycle.length]!;

type Overlay =
  | { kind: 'help' }
  | { kind: 'goto' }
  | { kind: 'menu'; entry: RowEntry; lang: Lang; at: { x: number; y: number } }
  | { kind: 'split'; entry: RowEntry }
  | { kind: 'new-text-note'; selection: TextSelection }
  | { kind: 'new-row-note'; entry: RowEntry }
  | { kind: 'edit'; annotation: AnnotationView; selection: TextSelection | undefined }
  | null;

/** The reading screen: header and toolbar, the aligned text, search and contents panels, dialogs. */
export function Reader({
  doc,
  initialPrefs,
  onPrefsChanged,
  onDocumentChanged,
  onLibrary,
}: {
  doc: DocumentView;
  initialPrefs: ReaderPrefs;
  onPrefsChanged: (prefs: ReaderPrefs) => void;
  onDocumentChanged: (doc: DocumentView) => void;
  onLibrary: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ui: Lang = i18n.language === 'ru' ? 'ru' : 'en';
  const [prefs, updatePrefs, prefsError] = usePrefs(initialPrefs);
  useEffect(() => onPrefsChanged(prefs), [prefs, onPrefsChanged]);
  const entries = useMemo(() => flattenRows(doc), [doc]);
  // Built on the first search, not at open: folding every clause of a book takes a moment.
  const indexRef = useRef<{ entries: readonly RowEntry[]; index: SearchIndex } | undefined>(undefined);
  const searchIndex = useCallback(() => {
    if (indexRef.current?.entries !== entries) indexRef.current = { entries, index: new SearchIndex(entries) };
    return indexRef.current.index;
  }, [entries]);
  const paragraphs = useMemo(() => entries.filter((e) => e.firstInGroup), [entries]);
  const body = useRef<ReaderBodyHandle>(null);
  const headerRef = useRef<HTMLElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const [currentRow, setCurrentRow] = useState(0);
  const [searchOpen, setSearchOpen] = useState(false);
  const [contentsOpen, setContentsOpen] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [query, setQuery] = useState('');
  const [currentHit, setCurrentHit] = useState(-1);
  const [peekRow, setPeekRow] = useState<number | undefined>();
  const [notice, setNotice] = useState('');
  const [annotationsOpen, setAnnotationsOpen] = useState(false);
  const [pending, setPending] = useState<{ selection: TextSelection; at: { x: number; y: number } } | undefined>();
  const [lastColor, setLastColor] = useState<AnnotationColor>('yellow');
  const [undoOffer, setUndoOffer] = useState<AnnotationView | undefined>();
  const annotations = useAnnotations(doc.manifest.id);
  const clauseIndex = useMemo(() => {
    const map = new Map<string, { clause: Clause; lang: Lang; rowIndex: number }>();
    for (const entry of entries) for (const lang of ['en', 'ru'] as const) for (const clause of entry.row[lang]) map.set(clause.id, { clause, lang, rowIndex: entry.index });
    return map;
  }, [entries]);

  const rowIndexById = useMemo(() => new Map(entries.map((e) => [e.row.id, e.index])), [entries]);
  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(
    () => (searchOpen && deferredQuery.trim() !== '' ? searchIndex().search(deferredQuery) : []),
    [searchIndex, deferredQuery, searchOpen],
  );

  // For the benchmark: when the first aligned rows are on screen.
  useEffect(() => {
    performance.mark('bitext:first-rows');
  }, []);

  // The sticky header's height, for scrolling rows into view below it.
  useEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
    });
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  const focusRow = useCallback((rowIndex: number, tries = 6) => {
    const clause = document.querySelector<HTMLElement>(`[data-row-line="${rowIndex}"] .clause`);
    if (clause) clause.focus({ preventScroll: true });
    else if (tries > 0) requestAnimationFrame(() => focusRow(rowIndex, tries - 1));
  }, []);

  const goToRow = useCallback(
    (rowIndex: number, focus = true) => {
      const target = Math.max(0, Math.min(entries.length - 1, rowIndex));
      setCurrentRow(target);
      // After this frame's focus changes (a closing dialog gives focus back to its opener).
      requestAnimationFrame(() => {
        body.current?.scrollToIndex(target);
        if (focus) focusRow(target);
      });
    },
    [entries.length, focusRow],
  );

  // Reading position: restored on open, saved (debounced) as the reader scrolls.
  useEffect(() => {
    let cancelled = false;
    expectOk(getApi().getReadingPosition({ documentId: doc.manifest.id }))
      .then(({ rowId }) => {
        const at = rowId ? entries.findIndex((e) => e.row.id === rowId) : -1;
        if (!cancelled && at > 0) goToRow(at, false);
        const first = entries[0]?.row.id;
        if (!cancelled && !rowId && first) void getApi().setReadingPosition({ documentId: doc.manifest.id, rowId: first });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [doc.manifest.id, entries, goToRow]);

  useEffect(() => {
    let timer: number | undefined;
    let last: string | undefined;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        // The first row under the sticky header (and the column heads, which may cover it).
        const top = (headerRef.current?.offsetHeight ?? 0) + 48;
        const line = document
          .elementsFromPoint(window.innerWidth / 2, top)
          .map((el) => el.closest<HTMLElement>('[data-row-line]'))
          .find((el) => el !== null);
        const rowIndex = line ? Number(line.dataset.rowLine) : window.scrollY < 50 ? 0 : -1;
        const rowId = entries[rowIndex]?.row.id;
        if (!rowId || rowId === last) return;
        last = rowId;
        void getApi().setReadingPosition({ documentId: doc.manifest.id, rowId });
      }, 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [doc.manifest.id, entries]);

  // Follow focus: the row holding the focused clause is the current row.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const clause = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-row-index]');
      if (clause) setCurrentRow(Number(clause.dataset.rowIndex));
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  const say = useCallback((message: string) => {
    setNotice('');
    requestAnimationFrame(() => setNotice(message));
  }, []);

  const copy = useCallback(
    async (text: string, what: string) => {
      try {
        await navigator.clipboard.writeText(text);
        say(t('notices.copied', { what }));
      } catch {
        say(t('notices.copyFailed'));
      }
    },
    [say, t],
  );

  const runMenuCommand = useCallback(
    (entry: RowEntry, command: ClauseMenuCommand) => {
      const headings = { en: t('reader.columnEnglish'), ru: t('reader.columnRussian') };
      const text = (lang: Lang) => entry.row[lang].map((c) => c.text).join(' ');
      if (command === 'copy-en') void copy(text('en'), t('clauseMenu.what.en'));
      if (command === 'copy-ru') void copy(text('ru'), t('clauseMenu.what.ru'));
      if (command === 'copy-pair') void copy(pairAsText(entry.row), t('clauseMenu.what.pair'));
      if (command === 'copy-markdown') void copy(pairAsMarkdown(entry.row, entry.group.number, headings), t('clauseMenu.what.markdown'));
    },
    [copy, t],
  );

  const showHit = useCallback(
    (hitIndex: number) => {
      const hit = hits[hitIndex];
      if (!hit) return;
      setCurrentHit(hitIndex);
      setCurrentRow(hit.rowIndex);
      body.current?.scrollToIndex(hit.rowIndex);
    },
    [hits],
  );
  useEffect(() => setCurrentHit(-1), [deferredQuery]);

  const openSearch = useCallback(() => {
    setSearchOpen(true);
    requestAnimationFrame(() => {
      searchInput.current?.focus();
      searchInput.current?.select();
    });
  }, []);

  const focusedClause = (): { entry: RowEntry; lang: Lang; clause: Clause } | undefined => {
    const el = document.activeElement as HTMLElement | null;
    if (!el?.classList.contains('clause')) return undefined;
    const entry = entries[Number(el.dataset.rowIndex)];
    const lang = el.closest<HTMLElement>('[data-lang]')?.dataset.lang as Lang | undefined;
    const clause = entry && lang ? entry.row[lang].find((c) => c.id === el.dataset.clauseId) : undefined;
    return entry && lang && clause ? { entry, lang, clause } : undefined;
  };

  const paragraphIndexOf = (row: number) => {
    let at = 0;
    paragraphs.forEach((p, i) => {
      if (p.index <= row) at = i;
    });
    return at;
  };

  const annotationsRef = useRef(annotations.annotations);
  annotationsRef.current = annotations.annotations;

  // A selection inside one column offers the highlight bar, once the reader has finished making it
  // (not while the mouse button is still down).
  useEffect(() => {
    let timer: number | undefined;
    let pointerDown = false;
    const update = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (pointerDown) return;
        const sel = window.getSelection();
        const selection = selectionInText(sel, clauseIndex);
        if (!selection || !sel) return setPending(undefined);
        const box = sel.getRangeAt(0).getBoundingClientRect();
        setPending({ selection, at: { x: box.left + box.width / 2, y: box.top } });
      }, 80);
    };
    const onDown = (e: PointerEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('.selection-bar')) return;
      pointerDown = true;
      setPending(undefined);
    };
    const onUp = () => {
      pointerDown = false;
      update();
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('pointerup', onUp);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('pointerup', onUp);
      window.clearTimeout(timer);
    };
  }, [clauseIndex]);

  /** The selected text, or else the whole focused clause (so the keyboard can annotate too). */
  const targetText = (): TextSelection | undefined => {
    if (pending) return pending.selection;
    const focused = focusedClause();
    return focused ? { lang: focused.lang, start: focused.clause.start, end: focused.clause.end, text: focused.clause.text } : undefined;
  };

  const highlight = async (color: AnnotationColor) => {
    const target = targetText();
    if (!target) return say(t('annotations.selectFirst'));
    setLastColor(color);
    try {
      await annotations.create({ type: 'text', lang: target.lang, start: target.start, end: target.end }, { kind: 'highlight', color });
      window.getSelection()?.removeAllRanges();
      setPending(undefined);
      say(t('annotations.highlighted'));
    } catch (e) {
      say(t('annotations.saveFailed') + ' ' + (e instanceof Error ? e.message : String(e)));
    }
  };

  const noteOnSelection = () => {
    const target = targetText();
    if (!target) return say(t('annotations.selectFirst'));
    setOverlay({ kind: 'new-text-note', selection: target });
  };

  const deleteAnnotation = async (a: AnnotationView) => {
    try {
      await annotations.remove(a.id);
      setUndoStack((stack) => [...stack, 'annotation']);
      setUndoOffer(a);
      setOverlay(null);
    } catch (e) {
      say(t('annotations.deleteFailed') + ' ' + (e instanceof Error ? e.message : String(e)));
    }
  };

  const undoDelete = async () => {
    const restored = await annotations.undoDelete().catch(() => undefined);
    setUndoOffer(undefined);
    setUndoStack((stack) => {
      const at = stack.lastIndexOf('annotation');
      return at < 0 ? stack : [...stack.slice(0, at), ...stack.slice(at + 1)];
    });
    if (restored) say(t('annotations.restored'));
  };

  const jumpToAnnotation = (a: AnnotationView) => {
    if (a.anchor.status !== 'anchored') return;
    const at = rowIndexById.get(a.anchor.rowId ?? '');
    if (at !== undefined) goToRow(at);
  };

  // Correcting the alignment by hand; undo covers these and deleted annotations, newest first.
  const editable = doc.alignment?.editable ?? false;
  const confirmed = useMemo(() => new Set(doc.alignment?.confirmed ?? []), [doc]);
  const [undoStack, setUndoStack] = useState<Array<'annotation' | 'alignment'>>([]);
  const documentId = doc.manifest.id;

  const changeAlignment = async (call: () => Promise<DocumentView>, row: number, message: string, undoable: 'push' | 'pop' | 'none') => {
    try {
      const next = await call();
      onDocumentChanged(next);
      if (undoable === 'push') setUndoStack((stack) => [...stack, 'alignment']);
      if (undoable === 'pop') setUndoStack((stack) => stack.slice(0, -1));
      requestAnimationFrame(() => goToRow(row));
      say(message);
    } catch (e) {
      say(`${t('alignment.failed')} ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const apply = (operation: AlignmentOperation, row: number) => {
    if (!editable) return say(t('alignment.readOnly'));
    void changeAlignment(() => expectOk(getApi().applyAlignment({ documentId, operation })), row, t(`alignment.done.${operation.op}`), 'push');
  };

  const moveClause = (entry: RowEntry, lang: Lang, direction: 'first-to-previous' | 'last-to-next') =>
    apply({ op: 'move', rowId: entry.row.id, lang, direction }, entry.index);

  const focusedLang = (): Lang => focusedClause()?.lang ?? (prefs.layout === 'single' ? prefs.singleLang : prefs.swapped ? 'ru' : 'en');

  const review = async (kind: ReviewRequest['kind']) => {
    try {
      const rows = await expectOk(getApi().reviewAlignment({ documentId, kind }));
      const indexes = rows.map((r) => rowIndexById.get(r.rowId)).filter((i): i is number => i !== undefined);
      if (indexes.length === 0) return say(t(`alignment.noneLeft.${kind}`));
      const after = kind === 'weakest' ? indexes : [...indexes].sort((a, b) => a - b);
      const target = kind === 'weakest' ? (after[(after.indexOf(currentRow) + 1) % after.length] ?? after[0]!) : (after.find((i) => i > currentRow) ?? after[0]!);
      goToRow(target);
      say(t(`alignment.found.${kind}`, { count: indexes.length }));
    } catch (e) {
      say(`${t('alignment.failed')} ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const exportBitext = async (format: BitextExportFormat) => {
    try {
      const result = await expectOk(getApi().exportBitext({ documentId, format }));
      if (result.saved) say(t('annotations.exported', { path: result.path ?? '' }));
    } catch (e) {
      say(t('annotations.exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  const undo = () => {
    const last = undoStack.at(-1);
    if (last === 'annotation') {
      setUndoStack((stack) => stack.slice(0, -1));
      void undoDelete();
    } else if (last === 'alignment' || doc.alignment?.canUndo) {
      void changeAlignment(() => expectOk(getApi().undoAlignment({ documentId })), currentRow, t('alignment.undone'), last ? 'pop' : 'none');
    }
  };
  const redo = () => {
    if (doc.alignment?.canRedo) void changeAlignment(() => expectOk(getApi().redoAlignment({ documentId })), currentRow, t('alignment.redone'), 'push');
  };

  const handlers: ActionHandlers = {
    'next-row': () => goToRow(currentRow + 1),
    'previous-row': () => goToRow(currentRow - 1),
    'first-row': () => goToRow(0),
    'last-row': () => goToRow(entries.length - 1),
    'next-paragraph': () => {
      const p = paragraphs[paragraphIndexOf(currentRow) + 1];
      if (p) goToRow(p.index);
    },
    'previous-paragraph': () => {
      const at = paragraphIndexOf(currentRow);
      const p = paragraphs[paragraphs[at]!.index < currentRow ? at : at - 1];
      if (p) goToRow(p.index);
    },
    'go-to-paragraph': () => setOverlay({ kind: 'goto' }),
    'toggle-contents': () => setContentsOpen((open) => !open),
    'open-search': openSearch,
    'find-next': () => (hits.length > 0 ? showHit((currentHit + 1) % hits.length) : openSearch()),
    'find-previous': () => (hits.length > 0 ? showHit((currentHit - 1 + hits.length) % hits.length) : openSearch()),
    'pin-counterpart': () => {
      const focused = focusedClause();
      if (focused) togglePinned({ rowId: focused.entry.row.id, clauseId: focused.clause.id, lang: focused.lang });
    },
    'show-counterpart': () => setPeekRow((row) => (row === currentRow ? undefined : currentRow)),
    'copy-pair': () => {
      const entry = entries[currentRow];
      if (entry) runMenuCommand(entry, 'copy-pair');
    },
    'copy-pair-markdown': () => {
      const entry = entries[currentRow];
      if (entry) runMenuCommand(entry, 'copy-markdown');
    },
    'open-context-menu': () => {
      const focused = focusedClause();
      if (!focused) return;
      const box = (document.activeElement as HTMLElement).getBoundingClientRect();
      setOverlay({ kind: 'menu', entry: focused.entry, lang: focused.lang, at: { x: box.left, y: box.bottom + 4 } });
    },
    'highlight-selection': () => void highlight(lastColor),
    'note-selection': noteOnSelection,
    'note-row': () => {
      const entry = entries[currentRow];
      if (entry) setOverlay({ kind: 'new-row-note', entry });
    },
    'toggle-annotations': () => setAnnotationsOpen((open) => !open),
    undo,
    redo,
    'merge-row': () => {
      const entry = entries[currentRow];
      if (entry) apply({ op: 'merge', rowId: entry.row.id }, entry.index);
    },
    'split-row': () => {
      const entry = entries[currentRow];
      if (!entry) return;
      if (!editable) return say(t('alignment.readOnly'));
      if (entry.row.en.length + entry.row.ru.length < 2) return say(t('alignment.cannotSplit'));
      setOverlay({ kind: 'split', entry });
    },
    'move-first-to-previous': () => {
      const entry = entries[currentRow];
      if (entry) moveClause(entry, focusedLang(), 'first-to-previous');
    },
    'move-last-to-next': () => {
      const entry = entries[currentRow];
      if (entry) moveClause(entry, focusedLang(), 'last-to-next');
    },
    'confirm-row': () => {
      const entry = entries[currentRow];
      if (entry) apply({ op: 'confirm', rowId: entry.row.id, confirmed: !confirmed.has(entry.row.id) }, entry.index);
    },
    'next-unconfirmed': () => void review('unconfirmed'),
    'next-uneven': () => void review('non-one-to-one'),
    'next-weakest': () => void review('weakest'),
    'toggle-layout': () => updatePrefs({ layout: next(LAYOUT_CYCLE, prefs.layout) }),
    'swap-columns': () => updatePrefs({ swapped: !prefs.swapped }),
    'cycle-theme': () => updatePrefs({ theme: next(THEME_CYCLE, prefs.theme) }),
    'cycle-line-spacing': () => updatePrefs({ lineSpacing: next(SPACING_CYCLE, prefs.lineSpacing) }),
    'zoom-in': () => updatePrefs({ fontStep: Math.min(FONT_STEPS.max, prefs.fontStep + 1) }),
    'zoom-out': () => updatePrefs({ fontStep: Math.max(FONT_STEPS.min, prefs.fontStep - 1) }),
    'zoom-reset': () => updatePrefs({ fontStep: 0 }),
    'show-help': () => setOverlay({ kind: 'help' }),
    'close-overlay': () => {
      if (overlay) setOverlay(null);
      else if (pending) {
        window.getSelection()?.removeAllRanges();
        setPending(undefined);
      } else if (peekRow !== undefined) setPeekRow(undefined);
      else clearPinned();
    },
  };
  useActions(handlers);

  const { marks, rowNotes } = useMemo(() => {
    const byRow = new Map<number, Map<string, Mark[]>>();
    const notes = new Map<number, AnnotationView[]>();
    const add = (rowIndex: number, clauseId: string, mark: Mark) => {
      const row = byRow.get(rowIndex) ?? new Map<string, Mark[]>();
      byRow.set(rowIndex, row);
      const list = row.get(clauseId) ?? [];
      row.set(clauseId, list);
      list.push(mark);
    };
    for (const a of annotations.annotations) {
      const anchor = a.anchor;
      if (anchor.status !== 'anchored') continue;
      if (anchor.type === 'row') {
        const at = rowIndexById.get(anchor.rowId);
        if (at !== undefined) notes.set(at, [...(notes.get(at) ?? []), a]);
        continue;
      }
      for (const id of anchor.clauseIds) {
        const c = clauseIndex.get(id);
        if (!c) continue;
        const start = Math.max(anchor.start, c.clause.start) - c.clause.start;
        const end = Math.min(anchor.end, c.clause.end) - c.clause.start;
        if (end <= start) continue;
        add(c.rowIndex, id, {
          start,
          end,
          className: `anno swatch-${a.color}${a.note ? ' has-note' : ''}`,
          annotationId: a.id,
          ...(a.note ? { title: a.note } : {}),
        });
      }
    }
    hits.forEach((hit, i) => add(hit.rowIndex, hit.clauseId, { start: hit.start, end: hit.end, className: i === currentHit ? 'search-hit is-current' : 'search-hit' }));
    return { marks: byRow as ReadonlyMap<number, ReadonlyMap<string, readonly Mark[]>>, rowNotes: notes as ReadonlyMap<number, readonly AnnotationView[]> };
  }, [annotations.annotations, clauseIndex, rowIndexById, hits, currentHit]);

  const view = useMemo(() => ({ layout: prefs.layout, swapped: prefs.swapped, singleLang: prefs.singleLang }), [prefs.layout, prefs.swapped, prefs.singleLang]);
  const callbacks = useMemo<RowCallbacks>(
    () => ({
      onContextMenu: (entry, _clause, lang, at) => setOverlay({ kind: 'menu', entry, lang, at }),
      onAnnotationClick: (id) => {
        const annotation = annotationsRef.current.find((a) => a.id === id);
        if (annotation) setOverlay({ kind: 'edit', annotation, selection: undefined });
      },
    }),
    [],
  );
  const columns: Lang[] = prefs.swapped ? ['ru', 'en'] : ['en', 'ru'];
  const columnName = (lang: Lang) => (lang === 'en' ? t('reader.columnEnglish') : t('reader.columnRussian'));

  return (
    <div className="reader-page">
      <a className="skip-link" href="#reader">
        {t('app.skipToText')}
      </a>
      <header ref={headerRef} className="app-header">
        <AppHeader documentTitle={doc.manifest.shortTitle[ui]} onLibrary={onLibrary} />
        <Toolbar
          prefs={prefs}
          onChange={updatePrefs}
          searchOpen={searchOpen}
          contentsOpen={contentsOpen}
          onToggleSearch={() => (searchOpen ? setSearchOpen(false) : openSearch())}
          onToggleContents={() => setContentsOpen((open) => !open)}
          onHelp={() => setOverlay({ kind: 'help' })}
          annotationsOpen={annotationsOpen}
          annotationCount={annotations.annotations.length}
          onToggleAnnotations={() => setAnnotationsOpen((open) => !open)}
          alignment={
            editable
              ? {
                  canUndo: undoStack.length > 0 || (doc.alignment?.canUndo ?? false),
                  canRedo: doc.alignment?.canRedo ?? false,
                  onUndo: undo,
                  onRedo: redo,
                  onNextToCheck: () => void review('unconfirmed'),
                  onExport: (format) => void exportBitext(format),
                }
              : undefined
          }
        />
        {doc.alignment && doc.alignment.warnings.length > 0 && (
          <p className="inline-error" role="alert">
            {t('alignment.dropped', { count: doc.alignment.warnings.length })}
          </p>
        )}
        {annotations.problem && (
          <p className="inline-error" role="alert">
            {annotations.problem.kind === 'recovered'
              ? annotations.problem.affected === undefined
                ? t('annotations.problemDamagedUnknown', { file: annotations.problem.movedTo })
                : annotations.problem.affected > 0
                  ? t('annotations.problemDamaged', { count: annotations.problem.affected, file: annotations.problem.movedTo })
                  : t(annotations.problem.restoredFrom === 'backup' ? 'annotations.problemRestored' : 'annotations.problemNoBackup', { file: annotations.problem.movedTo })
              : t('annotations.problemNewer')}
          </p>
        )}
        {prefsError && (
          <p className="inline-error" role="alert">
            {t('errors.savePrefsFailed')}
          </p>
        )}
      </header>
      <div className="reader-layout">
        {contentsOpen && (
          <ContentsPanel
            entries={entries}
            lang={ui}
            currentParagraph={entries[currentRow]?.group.number}
            onJump={(row) => goToRow(row)}
            onClose={() => setContentsOpen(false)}
          />
        )}
        <main id="reader" className="app-main" tabIndex={-1}>
          <article className={`document layout-${prefs.layout}${prefs.swapped ? ' is-swapped' : ''}`} aria-labelledby="document-title">
            <DocumentHeader doc={doc} />
            {prefs.layout === 'side-by-side' && (
              <div className="column-heads" aria-hidden="true">
                {columns.map((lang) => (
                  <span key={lang} className="column-head">
                    {columnName(lang)}
                  </span>
                ))}
              </div>
            )}
            <RowCallbacksContext.Provider value={callbacks}>
              <ReaderBody ref={body} entries={entries} view={view} marks={marks} rowNotes={rowNotes} peekRow={peekRow} confirmed={confirmed} />
            </RowCallbacksContext.Provider>
          </article>
        </main>
        {annotationsOpen && (
          <AnnotationPanel
            state={annotations}
            paragraphOf={(a) => {
              const at = a.anchor.status === 'anchored' ? rowIndexById.get(a.anchor.rowId ?? '') : undefined;
              return at === undefined ? undefined : entries[at]?.group.number;
            }}
            onJump={jumpToAnnotation}
            onEdit={(a) => setOverlay({ kind: 'edit', annotation: a, selection: pending?.selection })}
            onDelete={(a) => void deleteAnnotation(a)}
            onClose={() => setAnnotationsOpen(false)}
            onMessage={say}
          />
        )}
        {searchOpen && (
          <SearchPanel
            ref={searchInput}
            query={query}
            onQuery={setQuery}
            hits={hits}
            current={currentHit}
            entries={entries}
            onNext={() => handlers['find-next']?.()}
            onPrevious={() => handlers['find-previous']?.()}
            onPick={showHit}
            onClose={() => setSearchOpen(false)}
          />
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      {notice && (
        <div className="toast" aria-hidden="true" onAnimationEnd={() => setNotice('')}>
          {notice}
        </div>
      )}
      {pending && !overlay && (
        <SelectionBar at={pending.at} onHighlight={(color) => void highlight(color)} onNote={noteOnSelection} />
      )}
      {undoOffer && (
        <div className="undo-bar" role="status">
          <span>{t('annotations.deleted')}</span>
          <button type="button" className="tool-button" onClick={() => void undoDelete()}>
            {t('annotations.undo')}
          </button>
          <button type="button" className="tool-button" aria-label={t('common.close')} onClick={() => setUndoOffer(undefined)}>
            ×
          </button>
        </div>
      )}
      {overlay?.kind === 'new-text-note' && (
        <AnnotationEditor
          title={t('annotations.newNote')}
          quote={{ text: overlay.selection.text, lang: overlay.selection.lang }}
          initial={{ color: lastColor, note: '', tags: [] }}
          onClose={() => setOverlay(null)}
          onSave={async (value: EditorValue) => {
            const s = overlay.selection;
            await annotations.create({ type: 'text', lang: s.lang, start: s.start, end: s.end }, { kind: 'note', color: value.color, note: value.note, tags: value.tags });
            window.getSelection()?.removeAllRanges();
            setPending(undefined);
            say(t('annotations.saved'));
          }}
        />
      )}
      {overlay?.kind === 'new-row-note' && (
        <AnnotationEditor
          title={t('annotations.newRowNote', { number: overlay.entry.group.number })}
          quote={{ text: `${overlay.entry.row.en.map((c) => c.text).join(' ')} / ${overlay.entry.row.ru.map((c) => c.text).join(' ')}` }}
          initial={{ color: 'blue', note: '', tags: [] }}
          onClose={() => setOverlay(null)}
          onSave={async (value: EditorValue) => {
            await annotations.create({ type: 'row', rowId: overlay.entry.row.id }, { kind: 'note', color: value.color, note: value.note, tags: value.tags });
            say(t('annotations.saved'));
          }}
        />
      )}
      {overlay?.kind === 'edit' && (
        <AnnotationEditor
          title={t('annotations.editTitle')}
          quote={{ text: quoteOf(overlay.annotation), ...(overlay.annotation.target.type === 'text' ? { lang: overlay.annotation.target.lang } : {}) }}
          initial={{ color: overlay.annotation.color, note: overlay.annotation.note, tags: overlay.annotation.tags }}
          {...(overlay.annotation.anchor.status === 'orphan' && overlay.selection ? { reattachLabel: t('annotations.reattach', { text: overlay.selection.text }) } : {})}
          onClose={() => setOverlay(null)}
          onSave={async (value: EditorValue) => {
            const s = value.reattach ? overlay.selection : undefined;
            await annotations.update(overlay.annotation.id, {
              color: value.color,
              note: value.note,
              tags: value.tags,
              ...(s ? { selection: { type: 'text' as const, lang: s.lang, start: s.start, end: s.end } } : {}),
            });
            say(t('annotations.saved'));
          }}
        />
      )}
      {overlay?.kind === 'help' && <HelpDialog onClose={() => setOverlay(null)} />}
      {overlay?.kind === 'goto' && (
        <GoToDialog
          max={paragraphs.at(-1)?.group.number ?? 1}
          onClose={() => setOverlay(null)}
          onGo={(n) => {
            setOverlay(null);
            const p = paragraphs.find((e) => e.group.number === n);
            if (p) goToRow(p.index);
          }}
        />
      )}
      {overlay?.kind === 'menu' && (
        <ClauseMenu
          at={overlay.at}
          editable={editable}
          confirmed={confirmed.has(overlay.entry.row.id)}
          onClose={() => setOverlay(null)}
          onCommand={(command) => {
            const { entry, lang } = overlay;
            setOverlay(null);
            if (command === 'merge') apply({ op: 'merge', rowId: entry.row.id }, entry.index);
            else if (command === 'split') setOverlay({ kind: 'split', entry });
            else if (command === 'move-first-to-previous' || command === 'move-last-to-next') moveClause(entry, lang, command === 'move-first-to-previous' ? 'first-to-previous' : 'last-to-next');
            else if (command === 'confirm') apply({ op: 'confirm', rowId: entry.row.id, confirmed: !confirmed.has(entry.row.id) }, entry.index);
            else runMenuCommand(entry, command);
          }}
        />
      )}
      {overlay?.kind === 'split' && (
        <SplitDialog
          row={overlay.entry.row}
          onClose={() => setOverlay(null)}
          onSplit={async (en, ru) => {
            const entry = overlay.entry;
            setOverlay(null);
            apply({ op: 'split', rowId: entry.row.id, en, ru }, entry.index);
          }}
        />
      )}
    </div>
  );
}
