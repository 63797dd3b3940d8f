import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { useReader } from '../reader/context';
import { placeBeside, useCloseOnPressOutside } from './popup-place';
import { useRowLinks } from '../reader/links-store';
import { knownPairsAt } from '../reader/lookup-links';
import { rangeOfText, wordIndexAt, wordsOf } from '../reader/words';
import type { LookupTarget } from '../state/reader-state';

type Answer =
  | { state: 'loading' }
  | { state: 'done'; result: LookupResult; dictionaries: number }
  | { state: 'error'; message: string };

const clauseElement = (clauseId: string) => document.querySelector<HTMLElement>(`#reader .clause[data-clause-id="${CSS.escape(clauseId)}"]`);

/**
 * The dictionary popup: not modal, anchored at the word. Left and Right (or the arrow buttons)
 * go to the previous or next word of the clause; Escape closes it and the focus goes back to the
 * clause (or the linked term in it that had it); a click outside closes it too.
 */
export function LookupPopup({ target }: { target: LookupTarget }) {
  const { t } = useTranslation();
  const app = useReader();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const clause = app.entries[target.rowIndex]?.row[target.lang].find((c) => c.id === target.clauseId);
  const words = useMemo(() => (clause ? wordsOf(clause.text, target.lang) : []), [clause, target.lang]);
  const [index, setIndex] = useState(() => wordIndexAt(words, target.offset));
  const word = words[index];
  // The app's own pairs for the word (the glossary's, the built-in word list's), from the row's
  // term links: shown after the dictionaries' entries (or the add-a-dictionary hint).
  const row = app.entries[target.rowIndex]?.row;
  const links = useRowLinks(row?.id ?? '');
  const known = useMemo(() => (row && word ? knownPairsAt(row, links, target.lang, target.clauseId, word) : []), [row, links, target.lang, target.clauseId, word]);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const [at, setAt] = useState<{ left: number; top: number } | undefined>();
  // The linked term that had the focus (stepped to with ]), if any: Escape goes back to it. Terms
  // are drawn in the row holding the focus only, so it is found again by its id once the clause has it.
  const [termId] = useState(() => {
    const el = document.activeElement;
    return el instanceof HTMLElement && el.classList.contains('term') && el.id ? el.id : undefined;
  });

  const close = (refocus: boolean) => {
    app.close();
    if (!refocus) return;
    const clause = clauseElement(target.clauseId);
    clause?.focus({ preventScroll: true });
    if (!termId || !clause) return;
    const back = (tries: number) => {
      if (document.activeElement !== clause) return; // the reader has moved on meanwhile
      const term = document.getElementById(termId);
      if (term && clause.contains(term)) term.focus({ preventScroll: true });
      else if (tries > 0) requestAnimationFrame(() => back(tries - 1));
    };
    back(6);
  };

  // Look the word up (the dictionaries are counted to tell "none added" from "not found").
  useEffect(() => {
    if (!word) return;
    let stale = false;
    Promise.all([expectOk(getApi().lookupWord({ word: word.text, lang: target.lang })), expectOk(getApi().listDictionaries())]).then(
      ([result, list]) => !stale && setAnswer({ state: 'done', result, dictionaries: list.filter((d) => !d.problem).length }),
      (e: unknown) => !stale && setAnswer({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      stale = true;
    };
  }, [word, target.lang]);

  // Below the word (above it when there is no room), inside the window.
  useLayoutEffect(() => {
    const el = clauseElement(target.clauseId);
    const box = (word && el ? rangeOfText(el, word.start, word.end)?.getBoundingClientRect() : undefined) ?? el?.getBoundingClientRect();
    const popup = ref.current;
    if (!box || !popup) return;
    setAt(placeBeside(box, popup, box.left));
    // `answer.state` is not read: the popup is placed again when its answer changes its size.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [word, target.clauseId, answer.state]);

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  useCloseOnPressOutside(ref, app);

  const step = (delta: 1 | -1) => {
    const next = Math.max(0, Math.min(words.length - 1, index + delta));
    if (next === index) return;
    setAnswer({ state: 'loading' });
    setIndex(next);
  };

  return (
    <div
      ref={ref}
      className="lookup-popup"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-body`}
      tabIndex={-1}
      style={at ? { left: at.left, top: at.top } : { left: -10_000, top: 0 }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close(true);
        else if (e.key === 'ArrowLeft') step(-1);
        else if (e.key === 'ArrowRight') step(1);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onBlur={(e) => {
        // Tab (or a click elsewhere) out of the popup closes it; the focus stays where it went.
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) app.close();
      }}
    >
      <div className="lookup-head">
        <button type="button" className="lookup-step" aria-label={t('lookup.previousWord')} title={t('lookup.previousWord')} disabled={index <= 0} onClick={() => step(-1)}>
          ‹
        </button>
        <h2 id={titleId} className="lookup-word" lang={target.lang}>
          {word?.text ?? '—'}
        </h2>
        <button type="button" className="lookup-step" aria-label={t('lookup.nextWord')} title={t('lookup.nextWord')} disabled={index >= words.length - 1} onClick={() => step(1)}>
          ›
        </button>
      </div>
      <div id={`${titleId}-body`} className="lookup-body" aria-live="polite">
        {answer.state === 'loading' && <p className="lookup-status">{t('lookup.looking')}</p>}
        {answer.state === 'error' && (
          <p className="lookup-status field-error">{t('lookup.failed', { reason: answer.message })}</p>
        )}
        {answer.state === 'done' && answer.dictionaries === 0 && (
          <p className="lookup-status">
            {t('lookup.noDictionaries')}{' '}
            <button type="button" className="link-button" onClick={() => app.open({ kind: 'dictionaries' })}>
              {t('lookup.addDictionary')}
            </button>
          </p>
        )}
        {answer.state === 'done' && answer.dictionaries > 0 && answer.result.entries.length === 0 && (
          <p className="lookup-status">{t('lookup.notFound', { word: word?.text ?? '', count: answer.dictionaries })}</p>
        )}
        {answer.state === 'done' && answer.result.entries.length > 0 && (
          <ul className="lookup-entries">
            {answer.result.entries.map((entry, i) => (
              <li key={`${entry.dictionaryId}-${entry.headword}-${i}`} className="lookup-entry">
                <p className="lookup-entry-head">
                  <strong className="lookup-headword">{entry.headword}</strong>
                  {entry.match !== 'exact' && <span className="lookup-match"> {t(`lookup.match.${entry.match}`, { word: word?.text ?? '' })}</span>}
                  <span className="lookup-dictionary"> · {entry.dictionary}</span>
                </p>
                <p className="lookup-definition">{entry.definition}</p>
              </li>
            ))}
          </ul>
        )}
        {known.length > 0 && (
          <ul className="lookup-entries lookup-known">
            {known.map((pair) => (
              <li key={`${pair.source}-${pair.en}-${pair.ru}`} className="lookup-entry">
                <p className="lookup-entry-head">
                  <strong className="lookup-headword" lang="en">
                    {pair.en}
                  </strong>
                  {' — '}
                  <strong className="lookup-headword" lang="ru">
                    {pair.ru}
                  </strong>
                  <span className="lookup-dictionary"> · {pair.source === 'glossary' ? t('lookup.fromGlossary') : t('lookup.fromWordList')}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="lookup-foot">
        <span className="lookup-hint">{t('lookup.hint')}</span>
        <button type="button" className="link-button" onClick={() => app.open({ kind: 'dictionaries' })}>
          {t('lookup.manage')}
        </button>
      </div>
    </div>
  );
}
