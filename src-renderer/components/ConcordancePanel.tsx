import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConcordanceResult } from '../../src-main/contract/compare';
import type { Lang } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { openGlossaryEditor } from '../compare/actions';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { ClauseText } from '../reader/ClauseText';
import { hitSnippets, isFormOf, queryLang } from '../reader/concordance-view';
import { useReader, useReaderState } from '../reader/context';
import { useLinksVersion } from '../reader/links-store';
import { moveInList } from '../reader/list-keys';
import type { Snippet } from '../reader/word-search';

const MAX_LISTED = 300;
/** A pause in typing this long runs the query. */
const TYPING_PAUSE_MS = 300;

export interface ConcordanceShown {
  result: ConcordanceResult;
  current: number;
}

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'done'; result: ConcordanceResult } | { state: 'failed'; message: string };

/**
 * A bilingual concordance: every row where a word or phrase occurs (any word form), with its
 * rendering on the other side lit, the renderings counted; a row is a click (or Enter) away, and
 * a rendering can become a glossary entry. `onShown` hands the hits to the reader, which marks
 * them in the text.
 */
export function ConcordancePanel({ onShown }: { onShown: (shown: ConcordanceShown | undefined) => void }) {
  const { t } = useTranslation();
  const app = useReader();
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  const asked = useReaderState((s) => s.concordance);
  const linksVersion = useLinksVersion();
  const documentId = app.doc.manifest.id;
  const [text, setText] = useState(asked.query);
  const [lang, setLang] = useState<Lang>(asked.query ? asked.lang : 'en');
  const [request, setRequest] = useState({ query: asked.query.trim(), lang: asked.lang, n: 0 });
  const [load, setLoad] = useState<Load>(asked.query.trim() ? { state: 'loading' } : { state: 'idle' });
  const [filter, setFilter] = useState<string | undefined>();
  const [current, setCurrent] = useState(-1);

  /** `again`: the same query counted again (the glossary changed): what is shown stays until the new count comes. */
  const ask = (query: string, side: Lang, again = false) => {
    const trimmed = query.trim().slice(0, 200);
    if (!again || load.state !== 'done') {
      setFilter(undefined);
      setCurrent(-1);
      setLoad(trimmed ? { state: 'loading' } : { state: 'idle' });
    }
    setRequest((r) => ({ query: trimmed, lang: side, n: r.n + 1 }));
  };

  // A query from outside (the selection bar, the action on a selection or a term); or the
  // glossary changed (a rendering became a term), so the renderings are counted again.
  const [seen, setSeen] = useState({ seq: asked.seq, version: linksVersion });
  if (seen.seq !== asked.seq || seen.version !== linksVersion) {
    setSeen({ seq: asked.seq, version: linksVersion });
    if (seen.seq !== asked.seq && asked.query) {
      setText(asked.query);
      setLang(asked.lang);
      ask(asked.query, asked.lang);
    } else if (seen.version !== linksVersion && request.query) ask(request.query, request.lang, true);
  }

  useEffect(() => {
    if (!request.query) return;
    let cancelled = false;
    expectOk(getApi().concordance({ documentId, query: request.query, lang: request.lang })).then(
      (result) => !cancelled && setLoad({ state: 'done', result }),
      (e: unknown) => !cancelled && setLoad({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [request, documentId]);

  // Typing: the language follows the script; the query runs after a pause.
  const typingTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(typingTimer.current), []);
  const onType = (value: string) => {
    setText(value);
    const side = value.trim() ? queryLang(value) : lang;
    setLang(side);
    window.clearTimeout(typingTimer.current);
    typingTimer.current = window.setTimeout(() => ask(value, side), TYPING_PAUSE_MS);
  };

  const result = load.state === 'done' ? load.result : undefined;
  // A button the new count took away (a rendering just made a glossary term): the focus goes to
  // the same button if it is back, else to the word typed, never to the page.
  const lastFocused = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const panel = ref.current;
    const active = document.activeElement;
    if (!result || !panel || !lastFocused.current || (active && active !== document.body && active.isConnected)) return;
    const same = [...panel.querySelectorAll<HTMLElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === lastFocused.current);
    (same ?? document.getElementById('concordance-input'))?.focus({ preventScroll: true });
  }, [result]);
  const visible = result ? result.hits.map((hit, i) => ({ hit, i })).filter(({ hit }) => !filter || (hit.rendering && isFormOf(hit.rendering.text, filter))) : [];
  const other: Lang = (result?.lang ?? lang) === 'en' ? 'ru' : 'en';

  useEffect(() => {
    onShown(result ? { result, current } : undefined);
  }, [result, current, onShown]);
  useEffect(() => () => onShown(undefined), [onShown]);

  const jump = (i: number) => {
    const hit = result?.hits[i];
    const at = hit ? app.rowIndexOf(hit.rowId) : undefined;
    if (at === undefined) return;
    setCurrent(i);
    app.goToRow(at, false);
  };

  const close = () => app.dispatch({ type: 'close-panel' });
  const snippetView = (s: Snippet, mark: { start: number; end: number } | undefined, className: string) => (
    <>
      {s.before && '…'}
      <ClauseText text={s.text} marks={mark ? [{ start: mark.start, end: mark.end, className }] : undefined} />
      {s.after && '…'}
    </>
  );
  const pair = (rendering: string) => (result?.lang === 'ru' ? { en: rendering, ru: result.query } : { en: result?.query ?? '', ru: rendering });

  return (
    <aside
      ref={ref}
      id="concordance-panel"
      className="side-panel concordance-panel"
      aria-labelledby="concordance-title"
      onFocus={(e) => {
        if (e.target instanceof HTMLButtonElement) lastFocused.current = e.target.getAttribute('aria-label') ?? e.target.textContent ?? undefined;
        else lastFocused.current = undefined;
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
          return;
        }
        // Down from the word typed goes to the first occurrence; Up and Down move between them.
        const hits = [...(ref.current?.querySelectorAll<HTMLElement>('.concordance-hits .search-result') ?? [])];
        if (!e.defaultPrevented && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && moveInList(e.key, hits, document.getElementById('concordance-input'))) e.preventDefault();
      }}
    >
      <div className="panel-head">
        <h2 id="concordance-title" className="panel-title">
          {t('concordance.title')}
        </h2>
        <button type="button" className="tool-button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          window.clearTimeout(typingTimer.current);
          ask(text, lang);
        }}
      >
        <label className="search-label" htmlFor="concordance-input">
          {t('concordance.inputLabel')}
        </label>
        <input
          id="concordance-input"
          data-autofocus
          type="search"
          value={text}
          lang={lang}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => onType(e.target.value)}
        />
        {/* The choice is led in by its label, seen and heard: "Look in: English / Russian". */}
        <div className="search-modes concordance-side" role="radiogroup" aria-labelledby="concordance-side-label">
          <span id="concordance-side-label" className="search-modes-label">
            {t('concordance.side')}
          </span>
          {(['en', 'ru'] as const).map((side) => (
            <label key={side} className="search-option">
              <input
                type="radio"
                name="concordance-lang"
                value={side}
                checked={lang === side}
                onChange={() => {
                  setLang(side);
                  ask(text, side);
                }}
              />
              {t(`concordance.in.${side}`)}
            </label>
          ))}
        </div>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {load.state === 'idle'
          ? t('concordance.hint')
          : load.state === 'loading'
            ? t('concordance.loading')
            : load.state === 'failed'
              ? undefined
              : load.result.hits.length === 0
                ? t('concordance.none', { query: load.result.query })
                : `${t('concordance.occurrences', { count: load.result.hits.length })} · ${t('search.rows', { count: new Set(load.result.hits.map((h) => h.rowId)).size })}${
                    load.result.truncated ? ` ${t('concordance.truncated')}` : ''
                  }`}
      </p>
      {load.state === 'failed' && (
        <p className="field-error" role="alert">
          {t('concordance.failed', { reason: load.message })}
        </p>
      )}
      {result && result.hits.length > 0 && (
        <section className="concordance-renderings" aria-labelledby="concordance-renderings-title">
          <h3 id="concordance-renderings-title" className="concordance-summary">
            <span lang={result.lang}>{result.query}</span> →
          </h3>
          {result.renderings.length === 0 && <p className="panel-hint">{t('concordance.noRenderings')}</p>}
          <ul className="rendering-list">
            {result.renderings.map((r) => (
              <li key={r.text} className="rendering-item">
                <button
                  type="button"
                  className="rendering-filter"
                  aria-pressed={filter === r.text}
                  title={t('concordance.filter')}
                  onClick={() => setFilter(filter === r.text ? undefined : r.text)}
                >
                  <span lang={other}>{r.text}</span> <span className="rendering-count">{r.count}</span>
                  <span className="visually-hidden"> — {t('concordance.rows', { count: r.count })}</span>
                </button>
                <button
                  type="button"
                  className="tool-button"
                  aria-label={t('concordance.toGlossaryFor', { en: pair(r.text).en, ru: pair(r.text).ru })}
                  onClick={() => openGlossaryEditor(app, pair(r.text))}
                >
                  {t('concordance.toGlossary')}
                </button>
              </li>
            ))}
            {result.unrendered > 0 && (
              <li className="rendering-item rendering-none">{t('concordance.unrendered', { count: result.unrendered })}</li>
            )}
          </ul>
        </section>
      )}
      {visible.length > 0 && (
        <ol className="search-results concordance-hits" aria-label={t('concordance.hits')}>
          {visible.slice(0, MAX_LISTED).map(({ hit, i }) => {
            const at = app.rowIndexOf(hit.rowId);
            const entry = at === undefined ? undefined : app.entries[at];
            if (!entry) return null;
            const s = hitSnippets(entry, result!.lang, hit);
            return (
              <li key={`${hit.rowId}-${hit.match.start}`}>
                <button type="button" className={`search-result${i === current ? ' is-current' : ''}`} aria-current={i === current ? 'true' : undefined} onClick={() => jump(i)}>
                  <span className="search-result-number">¶ {entry.group.number}</span>
                  <span className="search-result-text" lang={result!.lang}>
                    {snippetView(s.match, { start: s.match.matchStart, end: s.match.matchEnd }, 'concordance-match')}
                  </span>
                  <span className="search-result-text" lang={other}>
                    {snippetView(s.other, s.rendering, 'concordance-rendering')}
                    {!hit.rendering && <span className="visually-hidden"> ({t('concordance.noRendering')})</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {visible.length > MAX_LISTED && <p className="search-more">{t('search.more', { count: visible.length - MAX_LISTED })}</p>}
    </aside>
  );
}
