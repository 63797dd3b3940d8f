/**
 * What the term and concordance actions do (the registry runs these by id): step the focus
 * through the linked terms of a row (] and [), saying each term's counterpart; leave a term for its
 * clause (Escape); open the concordance on the selection or the focused term.
 */
import type { Lang } from '../../src-main/contract/ipc';
import type { ReaderController } from './controller';
import { linkTexts, stepLink, termElementId } from './term-links';

/** The focused linked term, if any: its row id, side and link index. */
function focusedTerm(): { rowId: string; lang: Lang; link: number; el: HTMLElement } | undefined {
  const el = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (!el?.classList.contains('term')) return undefined;
  const rowId = el.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
  const lang = el.closest<HTMLElement>('[data-lang]')?.dataset.lang;
  if (!rowId || (lang !== 'en' && lang !== 'ru')) return undefined;
  return { rowId, lang, link: Number(el.dataset.link), el };
}

/** Moves the focus to the next (or previous) linked term of the row, in the focused column. */
export function stepTerm(app: ReaderController, delta: 1 | -1): void {
  const term = focusedTerm();
  const target = app.target();
  const entry = term ? app.entries[app.rowIndexOf(term.rowId) ?? -1] : target?.entry;
  const lang = term?.lang ?? target?.lang;
  const store = app.links;
  if (!entry || !lang || !store) return;
  const rowId = entry.row.id;
  if (!store.has(rowId)) return app.say(app.t(store.failed ? 'links.unavailable' : 'links.loading'));
  const links = store.get(rowId);
  const next = stepLink(links, lang, term?.rowId === rowId ? term.link : undefined, delta);
  if (next === undefined) return app.say(app.t('links.none'));
  const el = document.getElementById(termElementId(rowId, lang, next));
  if (!el) return app.say(app.t('links.none'));
  el.focus({ preventScroll: false });
  const link = links[next]!;
  const texts = linkTexts(entry.row, link);
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  app.say(app.t('links.announce', { term: texts[lang], counterpart: texts[other], kind: app.t(`links.classes.${link.class}`) }));
}

/** The two ends of the focused linked term (what the keyboard has instead of a selection), if any. */
export function focusedTermPair(app: ReaderController): { en: string; ru: string } | undefined {
  const term = focusedTerm();
  const entry = term ? app.entries[app.rowIndexOf(term.rowId) ?? -1] : undefined;
  const link = term && entry ? app.links?.get(term.rowId)[term.link] : undefined;
  return entry && link ? linkTexts(entry.row, link) : undefined;
}

/** Escape on a linked term: back to its clause (true when it did). */
export function leaveTerm(): boolean {
  const term = focusedTerm();
  if (!term) return false;
  term.el.closest<HTMLElement>('.clause')?.focus({ preventScroll: true });
  return true;
}

/**
 * Opens the concordance: on the selected words if there are any, else on the focused linked
 * term, else on what the panel had (the reader types a word there).
 */
export function openConcordance(app: ReaderController): void {
  const pending = app.state.pending?.selection;
  const term = focusedTerm();
  let query: { text: string; lang: Lang } | undefined;
  if (pending && pending.text.length <= 200 && !pending.text.includes(' … ')) query = { text: pending.text.trim(), lang: pending.lang };
  else if (term) query = { text: term.el.textContent ?? '', lang: term.lang };
  if (query && query.text) app.dispatch({ type: 'concordance-query', query: query.text, lang: query.lang });
  if (pending) {
    window.getSelection()?.removeAllRanges();
    app.dispatch({ type: 'selection', pending: undefined });
  }
  if (app.state.panel === 'concordance') document.getElementById('concordance-input')?.focus();
  else app.dispatch({ type: 'open-panel', panel: 'concordance' });
}

