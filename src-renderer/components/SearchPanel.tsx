import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../src-main/contract/ipc';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { ClauseText } from '../reader/ClauseText';
import type { RowEntry, SearchHit } from '../reader/model';

export interface SearchPanelProps {
  query: string;
  onQuery: (query: string) => void;
  hits: readonly SearchHit[];
  /** Index into `hits` of the current match, or -1. */
  current: number;
  entries: readonly RowEntry[];
  onNext: () => void;
  onPrevious: () => void;
  onPick: (hitIndex: number) => void;
  onClose: () => void;
}

const MAX_LISTED = 200;

/** Search both languages at once; results list each matching row with both versions. */
export function SearchPanel({ query, onQuery, hits, current, entries, onNext, onPrevious, onPick, onClose }: SearchPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  const rows: Array<{ rowIndex: number; firstHit: number }> = [];
  hits.forEach((hit, i) => {
    if (rows.at(-1)?.rowIndex !== hit.rowIndex) rows.push({ rowIndex: hit.rowIndex, firstHit: i });
  });
  const currentRow = current >= 0 ? hits[current]?.rowIndex : undefined;

  const snippet = (entry: RowEntry, lang: Lang) =>
    entry.row[lang].map((clause, i) => (
      <span key={clause.id}>
        {i > 0 && ' '}
        <ClauseText
          text={clause.text}
          marks={hits
            .filter((h) => h.rowIndex === entry.index && h.clauseId === clause.id)
            .map((h) => ({ start: h.start, end: h.end, className: 'search-hit' }))}
        />
      </span>
    ));

  return (
    <aside ref={ref} id="search-panel" className="side-panel search-panel" aria-label={t('search.label')}>
      <div className="panel-head">
        <h2 className="panel-title">{t('search.title')}</h2>
        <button type="button" className="tool-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          onNext();
        }}
      >
        <label className="search-label" htmlFor="search-input">
          {t('search.inputLabel')}
        </label>
        <input
          id="search-input"
          data-autofocus
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              onPrevious();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
        <div className="search-nav">
          <button type="button" className="tool-button" onClick={onPrevious} disabled={hits.length === 0}>
            {t('search.previous')}
          </button>
          <button type="submit" className="tool-button" disabled={hits.length === 0}>
            {t('search.next')}
          </button>
        </div>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {query.trim() === ''
          ? t('search.hint')
          : hits.length === 0
            ? t('search.none')
            : `${t('search.matches', { count: hits.length })} · ${t('search.rows', { count: rows.length })}${current >= 0 ? ` · ${t('search.position', { current: current + 1, total: hits.length })}` : ''}`}
      </p>
      {rows.length > 0 && (
        <ol className="search-results">
          {rows.slice(0, MAX_LISTED).map(({ rowIndex, firstHit }) => {
            const entry = entries[rowIndex]!;
            return (
              <li key={rowIndex}>
                <button
                  type="button"
                  className={`search-result${rowIndex === currentRow ? ' is-current' : ''}`}
                  aria-current={rowIndex === currentRow ? 'true' : undefined}
                  onClick={() => onPick(firstHit)}
                >
                  <span className="search-result-number">¶ {entry.group.number}</span>
                  <span className="search-result-text" lang="en">
                    {snippet(entry, 'en')}
                  </span>
                  <span className="search-result-text" lang="ru">
                    {snippet(entry, 'ru')}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {rows.length > MAX_LISTED && <p className="search-more">{t('search.more', { count: rows.length - MAX_LISTED })}</p>}
    </aside>
  );
}
