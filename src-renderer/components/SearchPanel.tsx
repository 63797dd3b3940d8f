import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../src-main/contract/ipc';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { lazyView } from '../lazy';
import { ClauseText } from '../reader/ClauseText';
import { moveInList } from '../reader/list-keys';
import type { RowEntry, SearchHit } from '../reader/model';
import type { RowSearch, RowSearchResult } from '../reader/row-search';
import { WORD_SEARCH_MODES, type WordSearchOptions } from '../reader/word-search';

export interface SearchPanelProps {
  query: string;
  onQuery: (query: string) => void;
  result: RowSearchResult;
  /** Index into `hits` of the current match, or -1. */
  current: number;
  entries: readonly RowEntry[];
  options: WordSearchOptions;
  onOptions: (patch: Partial<WordSearchOptions>) => void;
  /** For the snippets. */
  index: RowSearch;
  onNext: () => void;
  onPrevious: () => void;
  onPick: (hitIndex: number) => void;
  onClose: () => void;
}

const MAX_LISTED = 200;
/** Only a pattern that does not compile needs it. */
const RegexProblem = lazyView(() => import('./RegexProblem').then((m) => m.RegexProblem));

/**
 * Search both languages (or one): whole words and their forms by default, or an exact phrase, part
 * of a word, a regular expression; case on request. The options are remembered. Each matching row
 * is listed with both versions, cut around the match.
 */
export function SearchPanel({ query, onQuery, result, current, entries, options, onOptions, index, onNext, onPrevious, onPick, onClose }: SearchPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const hits = result.hits;
  // Closed after going to a match: the focus goes to the match's clause (as a browser's Find
  // leaves you at the match), not back to where the search was opened, now out of view.
  const matchClause = current >= 0 ? hits[current]?.clauseId : undefined;
  const returnTo = useRef<(() => HTMLElement | null) | null>(null);
  useLayoutEffect(() => {
    returnTo.current = matchClause ? () => document.querySelector<HTMLElement>(`.clause[data-clause-id="${CSS.escape(matchClause)}"]`) : null;
  }, [matchClause]);
  usePanelFocus(ref, returnTo);
  const rows: Array<{ rowIndex: number; firstHit: number; hits: SearchHit[] }> = [];
  hits.forEach((hit, i) => {
    const last = rows.at(-1);
    if (last?.rowIndex === hit.rowIndex) last.hits.push(hit);
    else rows.push({ rowIndex: hit.rowIndex, firstHit: i, hits: [hit] });
  });
  const currentRow = current >= 0 ? hits[current]?.rowIndex : undefined;
  const formsApply = options.mode === 'words' || options.mode === 'phrase';

  const snippet = (rowIndex: number, lang: Lang, rowHits: readonly SearchHit[]) => {
    const s = index.snippet(rowIndex, lang, rowHits);
    return (
      <>
        {s.before && '…'}
        <ClauseText text={s.text} marks={s.matches.map((m) => ({ start: m.start, end: m.end, className: 'search-hit' }))} />
        {s.after && '…'}
      </>
    );
  };

  const status =
    query.trim() === ''
      ? t(`wordSearch.hint.${options.mode}`)
      : result.problem
        ? undefined
        : hits.length === 0
          ? t('search.none')
          : `${t('search.matches', { count: hits.length })} · ${t('search.rows', { count: rows.length })}${current >= 0 ? ` · ${t('search.position', { current: current + 1, total: hits.length })}` : ''}`;

  return (
    <aside
      ref={ref}
      id="search-panel"
      className="side-panel search-panel"
      aria-label={t('search.label')}
      onKeyDown={(e) => {
        // Down from the words typed goes to the first matching row; Up and Down move between them.
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        const results = [...(ref.current?.querySelectorAll<HTMLElement>('.search-results .search-result') ?? [])];
        if (moveInList(e.key, results, document.getElementById('search-input'))) e.preventDefault();
      }}
    >
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
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <label className="search-label" htmlFor="search-input">
          {options.lang ? t(`wordSearch.inputLabel.${options.lang}`) : t('search.inputLabel')}
        </label>
        <input
          id="search-input"
          data-autofocus
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={result.problem ? true : undefined}
          aria-describedby={result.problem ? 'search-problem' : undefined}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              onPrevious();
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
        <fieldset className="search-options">
          <legend className="visually-hidden">{t('wordSearch.options')}</legend>
          <div className="search-modes" role="radiogroup" aria-label={t('wordSearch.match')}>
            {WORD_SEARCH_MODES.map((mode) => (
              <label key={mode} className="search-option">
                <input type="radio" name="search-mode" value={mode} checked={options.mode === mode} onChange={() => onOptions({ mode })} />
                {t(`wordSearch.modes.${mode}`)}
              </label>
            ))}
          </div>
          <div className="search-toggles">
            <label className="search-option">
              <input type="checkbox" checked={options.forms && formsApply} disabled={!formsApply} onChange={(e) => onOptions({ forms: e.target.checked })} />
              {t('wordSearch.forms')}
            </label>
            <label className="search-option">
              <input type="checkbox" checked={options.caseSensitive} onChange={(e) => onOptions({ caseSensitive: e.target.checked })} />
              {t('wordSearch.case')}
            </label>
            <span className="search-option search-lang">
              <label htmlFor="search-lang">{t('wordSearch.languages')}</label>
              <select
                id="search-lang"
                value={options.lang ?? 'both'}
                onChange={(e) => {
                  const v = e.target.value;
                  onOptions({ lang: v === 'en' || v === 'ru' ? v : undefined });
                }}
              >
                <option value="both">{t('wordSearch.both')}</option>
                <option value="en">{t('wordSearch.onlyEn')}</option>
                <option value="ru">{t('wordSearch.onlyRu')}</option>
              </select>
            </span>
          </div>
        </fieldset>
      </form>
      {result.problem && query.trim() !== '' && (
        <p id="search-problem" className="field-error" role="alert">
          <RegexProblem detail={result.problem.detail} />
        </p>
      )}
      <p className="search-status" role="status" aria-live="polite">
        {status}
      </p>
      {rows.length > 0 && (
        <ol className="search-results">
          {rows.slice(0, MAX_LISTED).map(({ rowIndex, firstHit, hits: rowHits }) => {
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
                    {snippet(rowIndex, 'en', rowHits)}
                  </span>
                  <span className="search-result-text" lang="ru">
                    {snippet(rowIndex, 'ru', rowHits)}
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
