import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotationView, type ExportFormat, type Lang } from '../../src-main/contract/ipc';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { useRefocusAfterRemoval } from '../hooks/useRefocusAfterRemoval';
import { useReader } from '../reader/context';
import { panelListKeys } from '../reader/list-keys';
import { quoteOf } from '../reader/quote';
import { foldQuery, foldText } from '../reader/search';
import { annotationImportErrorText, annotationReportText } from '../import-messages';

export interface AnnotationFilter {
  color: string;
  tag: string;
  lang: string;
  text: string;
}

const NO_FILTER: AnnotationFilter = { color: '', tag: '', lang: '', text: '' };

export function langOf(a: AnnotationView): Lang | 'both' {
  return a.target.type === 'text' ? a.target.lang : 'both';
}

export function filterAnnotations(list: readonly AnnotationView[], f: AnnotationFilter): AnnotationView[] {
  const q = foldQuery(f.text);
  return list.filter(
    (a) =>
      (!f.color || a.color === f.color) &&
      (!f.tag || a.tags.includes(f.tag)) &&
      (!f.lang || langOf(a) === f.lang) &&
      (!q || foldText(`${quoteOf(a)} ${a.note} ${a.tags.join(' ')}`).folded.includes(q)),
  );
}

export const SORTS = ['position', 'date'] as const;
export type NoteSort = (typeof SORTS)[number];

/** By where they are in the text (row, then offset), or newest first. */
export function sortAnnotations(list: readonly AnnotationView[], sort: NoteSort, rowOf: (a: AnnotationView) => number | undefined): AnnotationView[] {
  const offset = (a: AnnotationView) => (a.anchor.status === 'anchored' && a.anchor.type === 'text' ? a.anchor.start : -1);
  return [...list].sort((a, b) =>
    sort === 'date'
      ? b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)
      : (rowOf(a) ?? Infinity) - (rowOf(b) ?? Infinity) || offset(a) - offset(b) || a.createdAt.localeCompare(b.createdAt),
  );
}

const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Down and Up go through the notes, from the panel's heading or its text filter. */
const onNotesKey = panelListKeys('.annotation-jump:not(:disabled)', 'h2, #annotation-filter-text');

/** The document's annotations: filter, jump to one, edit, delete, export and import. */
export function AnnotationPanel() {
  const { t, i18n } = useTranslation();
  const app = useReader();
  const state = app.annotations;
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  // A note deleted from here: the focus goes to the note now in its place, never to the page.
  const removing = useRefocusAfterRemoval(ref, state.annotations, { items: '[data-annotation-item]', target: 'button:not(:disabled)', fallback: 'h2' });
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [sort, setSort] = useState<NoteSort>('position');
  const fileInput = useRef<HTMLInputElement>(null);
  const tags = useMemo(() => [...new Set(state.annotations.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)), [state.annotations]);
  const rowOf = (a: AnnotationView) => (a.anchor.status === 'anchored' ? app.rowIndexOf(a.anchor.rowId ?? '') : undefined);
  const paragraphOf = (a: AnnotationView) => {
    const at = rowOf(a);
    return at === undefined ? undefined : app.entries[at]?.group.number;
  };
  const onMessage = (text: string) => app.say(text);
  const onClose = () => app.dispatch({ type: 'close-panel' });
  const shown = sortAnnotations(filterAnnotations(state.annotations, filter), sort, rowOf);
  const anchored = shown.filter((a) => a.anchor.status === 'anchored');
  const orphans = shown.filter((a) => a.anchor.status === 'orphan');
  const date = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const set = (patch: Partial<AnnotationFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const exportAs = async (format: ExportFormat) => {
    try {
      const result = await state.exportAs(format);
      if (result.saved) onMessage(t('annotations.exported', { path: result.path ?? '' }));
    } catch (e) {
      onMessage(t('annotations.exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  const item = (a: AnnotationView) => (
    <li key={a.id} className={`annotation-item swatch-${a.color}${a.target.type === 'row' ? ' is-row-note' : ''}`} data-annotation-item={a.id}>
      {a.target.type === 'row' && a.note && <p id={`annotation-note-${a.id}`} className="annotation-note">{a.note}</p>}
      {/* The note itself is said with the button that jumps to it (it stands beside it, not in it). */}
      <button
        type="button"
        className="annotation-jump"
        aria-describedby={a.note ? `annotation-note-${a.id}` : undefined}
        onClick={() => app.jumpToAnnotation(a)}
        disabled={a.anchor.status === 'orphan'}
      >
        <span className="annotation-meta">
          <span className={`color-dot swatch-${a.color}`} aria-hidden="true" />
          <span>{t(`annotations.colors.${a.color}`)}</span>
          <span>· {t(`annotations.langs.${langOf(a)}`)}</span>
          {paragraphOf(a) !== undefined && <span>· ¶ {paragraphOf(a)}</span>}
          <span>· {date.format(new Date(a.updatedAt))}</span>
        </span>
        {a.target.type === 'row' ? (
          <span className="annotation-quote annotation-quote-rows">
            <span lang="en">{shorten(a.target.quotes.en.exact) || t('annotations.emptyQuote')}</span>
            <span lang="ru">{shorten(a.target.quotes.ru.exact) || t('annotations.emptyQuote')}</span>
          </span>
        ) : (
          <span className="annotation-quote" lang={langOf(a) === 'both' ? undefined : langOf(a)}>
            {quoteOf(a) || t('annotations.emptyQuote')}
          </span>
        )}
      </button>
      {a.target.type === 'text' && a.note && <p id={`annotation-note-${a.id}`} className="annotation-note">{a.note}</p>}
      {a.tags.length > 0 && (
        <ul className="annotation-tags" aria-label={t('annotations.tags')}>
          {a.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
      <div className="annotation-actions">
        <button type="button" className="tool-button" onClick={() => app.editAnnotation(a.id)}>
          {a.anchor.status === 'orphan' ? t('annotations.editOrReattach') : t('annotations.edit')}
        </button>
        <button type="button" className="tool-button" onClick={(e) => {
            removing(e.currentTarget);
            void app.deleteAnnotation(a);
          }}>
          {t('annotations.delete')}
        </button>
      </div>
    </li>
  );

  return (
    <aside ref={ref} id="annotations-panel" className="side-panel annotations-panel" aria-label={t('annotations.panel')} onKeyDown={onNotesKey}>
      <div className="panel-head">
        <h2 className="panel-title" tabIndex={-1}>
          {t('annotations.panel')}
        </h2>
        <button type="button" className="tool-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="annotation-filters">
        <div className="filter-field filter-text">
          <label htmlFor="annotation-filter-text">{t('annotations.filterText')}</label>
          <input id="annotation-filter-text" type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        </div>
        <div className="filter-field">
          <label htmlFor="annotation-sort">{t('annotations.sort')}</label>
          <select id="annotation-sort" value={sort} onChange={(e) => setSort(e.target.value === 'date' ? 'date' : 'position')}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`annotations.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="annotation-filter-color">{t('annotations.color')}</label>
          <select id="annotation-filter-color" value={filter.color} onChange={(e) => set({ color: e.target.value })}>
            <option value="">{t('annotations.any')}</option>
            {ANNOTATION_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`annotations.colors.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="annotation-filter-tag">{t('annotations.tag')}</label>
          <select id="annotation-filter-tag" value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">{t('annotations.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="annotation-filter-lang">{t('annotations.language')}</label>
          <select id="annotation-filter-lang" value={filter.lang} onChange={(e) => set({ lang: e.target.value })}>
            <option value="">{t('annotations.any')}</option>
            <option value="en">{t('annotations.langs.en')}</option>
            <option value="ru">{t('annotations.langs.ru')}</option>
            <option value="both">{t('annotations.langs.both')}</option>
          </select>
        </div>
      </div>
      <p className="annotation-count" role="status">
        {t('annotations.count', { count: shown.length })}
      </p>
      {state.annotations.length === 0 && state.loaded && <p className="panel-hint">{t('annotations.hint')}</p>}
      <ol className="annotation-list">{anchored.map(item)}</ol>
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-title">
          <h3 id="orphans-title">{t('annotations.orphans', { count: orphans.length })}</h3>
          <p className="panel-hint">{t('annotations.orphansHint')}</p>
          <ol className="annotation-list">{orphans.map(item)}</ol>
        </section>
      )}
      <div className="annotation-io">
        <button type="button" className="tool-button" onClick={() => void exportAs('markdown')} disabled={state.annotations.length === 0}>
          {t('annotations.exportMarkdown')}
        </button>
        <button type="button" className="tool-button" onClick={() => void exportAs('jsonld')} disabled={state.annotations.length === 0}>
          {t('annotations.exportJsonLd')}
        </button>
        <button type="button" className="tool-button" onClick={() => fileInput.current?.click()}>
          {t('annotations.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('annotations.import')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            try {
              const report = await state.importJsonLd(await file.text());
              onMessage(annotationReportText(t, report));
            } catch (err) {
              onMessage(annotationImportErrorText(t, i18n.language, err));
            }
          }}
        />
      </div>
    </aside>
  );
}
