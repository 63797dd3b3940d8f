import { createContext, memo, useContext, useMemo, useRef, useState } from 'react';
import type { AnnotationView, Clause, Lang, Layout } from '../../src-main/contract/ipc';
import { FindingMark } from '../components/FindingMark';
import { useRowTermMarks, withTermMarks } from '../compare/terms';
import { clearActiveClause, setActiveClause, togglePinned, useActiveInRow, usePinnedInRow } from '../highlight-store';
import { WEAK_CONFIDENCE } from './alignment';
import { ClauseText, type Mark } from './ClauseText';
import { useFootnotes } from './footnotes';
import { KeepSelection, useHeldWhilePressed } from './keep-selection';
import { useLinkStore, useLitLink, useRowLinks } from './links-store';
import type { RowEntry } from './model';
import { useRowT } from './row-text';
import { termElementId, termsByClause } from './term-links';

export interface RowLayout {
  layout: Layout;
  swapped: boolean;
  singleLang: Lang;
  /** Edit alignment: show the row's shape, its confidence and whether it is checked. */
  editing: boolean;
}

export type ClauseMarks = ReadonlyMap<string, readonly Mark[]>;

/** What rows report back to the reader; one object for all rows, through context. */
export interface RowCallbacks {
  onContextMenu: (entry: RowEntry, clause: Clause, lang: Lang, at: { x: number; y: number }) => void;
  onAnnotationClick: (id: string) => void;
}
export const RowCallbacksContext = createContext<RowCallbacks>({ onContextMenu: () => undefined, onAnnotationClick: () => undefined });

export interface RowViewProps {
  entry: RowEntry;
  view: RowLayout;
  /** Marks for this row's clauses, by clause id (search matches, highlights). */
  marks: ClauseMarks | undefined;
  /** Comparison notes on this row, shown against both columns. */
  rowNotes: readonly AnnotationView[] | undefined;
  /** In the one-language layout: show the counterpart under the row. */
  peek: boolean;
  /** The reader confirmed this row's alignment. */
  checked: boolean;
  /** Notes on this row's text, shown in the margin of a wide window. */
  marginNotes: readonly AnnotationView[] | undefined;
  bookmarked: boolean;
}

/** One aligned row: the clauses of one language and their counterparts, starting on one line. */
export const RowView = memo(function RowView({ entry, view, marks, rowNotes, peek, checked, marginNotes, bookmarked }: RowViewProps) {
  const t = useRowT();
  const { onContextMenu, onAnnotationClick } = useContext(RowCallbacksContext);
  const footnotes = useFootnotes();
  const { row, group } = entry;
  const active = useActiveInRow(row.id);
  const pinned = usePinnedInRow(row.id);
  const order: Lang[] = view.swapped ? ['ru', 'en'] : ['en', 'ru'];
  const shown: Lang[] = view.layout === 'single' ? [view.singleLang] : order;
  const other = (lang: Lang): Lang => (lang === 'en' ? 'ru' : 'en');
  const showPeek = view.layout === 'single' && (peek || pinned !== null);
  const glossaryTerms = useRowTermMarks(entry);
  // Term links: fetched when the row is drawn; the lit one re-renders this row only.
  const linkStore = useLinkStore();
  const links = useRowLinks(row.id);
  const lit = useLitLink(row.id);
  // The term elements are drawn only in the row under the pointer or holding the focus: the
  // other rows stay plain text (a light page to scroll, to search and for the screen reader).
  const [pointer, setPointer] = useState(false);
  const [focusWithin, setFocusWithin] = useState(false);
  // Drawing them replaces the clauses' text: not under a press (the element pressed would go, and
  // the release make no click), and a selection is put back after (`keep-selection.tsx`).
  const [drawn, holdWhilePressed] = useHeldWhilePressed({ armed: pointer || focusWithin, links });
  const terms = useMemo(() => (drawn.armed && drawn.links.length > 0 ? termsByClause(row, drawn.links) : undefined), [drawn.armed, row, drawn.links]);
  const rowRef = useRef<HTMLDivElement>(null);
  const termLayer = (lang: Lang, clauseId: string) => {
    const spans = terms?.get(clauseId);
    if (!spans) return undefined;
    return {
      spans,
      lit: lit ? { link: lit.link, source: lit.lang === lang } : undefined,
      idOf: (link: number) => termElementId(row.id, lang, link),
      classOf: (link: number) => drawn.links[link]?.class ?? '',
      counterpartIdOf: (link: number) => (shown.includes(other(lang)) ? termElementId(row.id, other(lang), link) : undefined),
    };
  };
  /** The term under the pointer or the focus lights its counterpart(s); anything else unlights. */
  const pointAt = (target: EventTarget | null) => {
    if (!linkStore || drawn.links.length === 0) return;
    const term = target instanceof Element ? target.closest<HTMLElement>('[data-link]') : null;
    const lang = term?.closest<HTMLElement>('[data-lang]')?.dataset.lang;
    if (term && (lang === 'en' || lang === 'ru')) linkStore.setLit({ rowId: row.id, link: Number(term.dataset.link), lang });
    else linkStore.clearLit(row.id);
  };

  const cell = (lang: Lang) => {
    const counterpart = active?.lang === other(lang) || pinned?.lang === other(lang);
    return (
      <div key={lang} className={`cell cell-${lang}${counterpart ? ' is-counterpart' : ''}`} lang={lang} data-lang={lang}>
        {row[lang].length === 0 && <span className="cell-empty">{t('reader.noCounterpart')}</span>}
        {row[lang].map((clause, i) => (
          <span key={clause.id}>
            {i > 0 && ' '}
            <span
              className={[
                'clause',
                clause.id === active?.clauseId ? 'is-source' : '',
                clause.id === pinned?.clauseId ? 'is-pinned' : '',
                counterpart ? 'is-counterpart' : '',
                pinned?.lang === other(lang) ? 'is-pinned-counterpart' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              data-clause-id={clause.id}
              data-row-index={entry.index}
              tabIndex={0}
              onMouseEnter={() => setActiveClause({ rowId: row.id, clauseId: clause.id, lang })}
              onMouseLeave={() => clearActiveClause(clause.id)}
              onFocus={() => setActiveClause({ rowId: row.id, clauseId: clause.id, lang })}
              onBlur={() => clearActiveClause(clause.id)}
              onClick={(event) => {
                if (window.getSelection()?.isCollapsed === false && window.getSelection()?.toString()) return;
                event.preventDefault();
                const highlight = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-id]');
                if (highlight?.dataset.annotationId) {
                  onAnnotationClick(highlight.dataset.annotationId);
                  return;
                }
                togglePinned({ rowId: row.id, clauseId: clause.id, lang });
              }}
              onContextMenu={(event) => {
                event.preventDefault();
                onContextMenu(entry, clause, lang, { x: event.clientX, y: event.clientY });
              }}
            >
              <ClauseText
                text={clause.text}
                marks={withTermMarks(marks?.get(clause.id), glossaryTerms?.get(clause.id))}
                terms={termLayer(lang, clause.id)}
                notes={footnotes.byClause.get(clause.id)}
              />
            </span>
          </span>
        ))}
      </div>
    );
  };

  return (
    <div
      className={`row-line paragraph-${group.kind}${entry.firstInGroup ? ' is-first' : ''}${entry.lastInGroup ? ' is-last' : ''}${entry.chapterHeading ? ' is-chapter-heading' : ''}`}
      data-row-line={entry.index}
    >
      {entry.partStart && (
        <h2 className={`part-heading part-heading-${entry.partStart}`}>{t(`reader.parts.${entry.partStart}`)}</h2>
      )}
      <div className="row-body">
        <div className="paragraph-number">
          {entry.firstInGroup && (
            <span className="paragraph-number-value">
              <span className="visually-hidden">{t('reader.paragraphLabel')} </span>
              {group.number}
            </span>
          )}
          {bookmarked && (
            <span className="row-flag flag-bookmark" title={t('bookmarks.marked')}>
              <svg className="flag-bookmark-icon" viewBox="0 0 10 14" aria-hidden="true" focusable="false">
                <path d="M1 1h8v12L5 9.5 1 13z" />
              </svg>
              <span className="visually-hidden">{t('bookmarks.marked')}</span>
            </span>
          )}
          <FindingMark rowId={row.id} />
          {view.editing && <span className="row-flags">
            {checked && (
              <span className="row-flag flag-checked" title={t('alignment.confirmed')}>
                ✓<span className="visually-hidden"> {t('alignment.confirmed')}</span>
              </span>
            )}
            {(row.en.length !== 1 || row.ru.length !== 1) && (
              <span className="row-flag flag-shape" title={t('alignment.shape', { en: row.en.length, ru: row.ru.length })}>
                {row.en.length}:{row.ru.length}
              </span>
            )}
            {!checked && row.confidence < WEAK_CONFIDENCE && (
              <span className="row-flag flag-weak" title={t('alignment.weak', { confidence: Math.round(row.confidence * 100) })}>
                ?<span className="visually-hidden"> {t('alignment.weak', { confidence: Math.round(row.confidence * 100) })}</span>
              </span>
            )}
            <span className="row-confidence" title={t('alignment.weak', { confidence: Math.round(row.confidence * 100) })}>
              {Math.round(row.confidence * 100)}%
            </span>
          </span>}
        </div>
        <div
          ref={rowRef}
          className={`row layout-${view.layout}${active || pinned ? ' is-lit' : ''}`}
          data-row-id={row.id}
          data-paragraph={entry.firstInGroup ? group.number : undefined}
          data-confidence={row.confidence.toFixed(2)}
          data-confirmed={checked || undefined}
          onPointerDown={holdWhilePressed}
          onMouseOver={(e) => pointAt(e.target)}
          // Not while a button is held: redrawing the text would drop a selection being made.
          onMouseEnter={(e) => e.buttons === 0 && setPointer(true)}
          onMouseLeave={(e) => {
            linkStore?.clearLit(row.id);
            if (e.buttons === 0) setPointer(false);
          }}
          onFocus={(e) => {
            setFocusWithin(true);
            pointAt(e.target);
          }}
          onBlur={(e) => {
            if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
            setFocusWithin(false);
            linkStore?.clearLit(row.id);
          }}
        >
          <KeepSelection root={rowRef}>{shown.map(cell)}</KeepSelection>
          {rowNotes && rowNotes.length > 0 && (
            <ul className="row-notes" aria-label={t('annotations.rowNotes')}>
              {rowNotes.map((note) => (
                <li key={note.id}>
                  <button type="button" className={`row-note swatch-${note.color}`} data-annotation-id={note.id} onClick={() => onAnnotationClick(note.id)}>
                    <span className="row-note-label">{t('annotations.comparisonNote')}</span> {note.note || t('annotations.noNoteText')}
                    {note.tags.length > 0 && <span className="row-note-tags"> {note.tags.map((tag) => `#${tag}`).join(' ')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {marginNotes && marginNotes.length > 0 && (
            <ul className="margin-notes" aria-label={t('annotations.margin')}>
              {marginNotes.map((note) => (
                <li key={note.id}>
                  <button type="button" className={`margin-note swatch-${note.color}`} data-annotation-id={note.id} onClick={() => onAnnotationClick(note.id)}>
                    {note.note}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {showPeek && (
            <div className="counterpart-peek" lang={other(view.singleLang)} role="note" aria-label={t('reader.counterpart')}>
              {row[other(view.singleLang)].map((c) => c.text).join(' ') || t('reader.noCounterpart')}
            </div>
          )}
        </div>
      </div>
    </div>
  );
});
