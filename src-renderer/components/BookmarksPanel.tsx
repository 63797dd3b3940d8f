import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { useRefocusAfterRemoval } from '../hooks/useRefocusAfterRemoval';
import { useReader, useReaderState, useRun } from '../reader/context';
import { rowText } from '../reader/model';
import { openingWords } from './ContentsPanel';
import { panelListKeys } from '../reader/list-keys';

/** Down and Up go through the bookmarks. */
const onBookmarksKey = panelListKeys('.bookmark-item .contents-item');

/** The reader's bookmarks, in document order: jump to one, remove one, add the current row. */
export function BookmarksPanel() {
  const { t, i18n } = useTranslation();
  const app = useReader();
  const run = useRun();
  const ids = useReaderState((s) => s.bookmarks);
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  // A bookmark removed from here: the focus goes to the one now in its place, never to the page.
  const removing = useRefocusAfterRemoval(ref, ids, { items: '.bookmark-item', target: '.contents-item', fallback: '.panel-title' });
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const rows = ids
    .map((id) => app.rowIndexOf(id))
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b)
    .map((i) => app.entries[i]!);
  return (
    <aside ref={ref} id="bookmarks-panel" className="side-panel bookmarks-panel" aria-labelledby="bookmarks-title" onKeyDown={onBookmarksKey}>
      <div className="panel-head">
        <h2 id="bookmarks-title" className="panel-title" tabIndex={-1}>
          {t('bookmarks.title')}
        </h2>
        <button type="button" className="tool-button" onClick={() => app.dispatch({ type: 'close-panel' })}>
          {t('common.close')}
        </button>
      </div>
      <button type="button" className="tool-button" onClick={() => run('toggle-bookmark')}>
        {t('bookmarks.add')}
      </button>
      {rows.length === 0 && <p className="panel-hint">{t('bookmarks.none')}</p>}
      <ol className="bookmark-list">
        {rows.map((entry) => (
          <li key={entry.row.id} className="bookmark-item">
            <button type="button" className="contents-item" onClick={() => app.goToRow(entry.index)}>
              <span className="contents-number">{entry.group.number}</span>
              <span lang={lang}>{openingWords(rowText(entry.row, lang) || rowText(entry.row, lang === 'en' ? 'ru' : 'en'))}</span>
            </button>
            <button
              type="button"
              className="tool-button"
              aria-label={`${t('bookmarks.remove')}: ${t('bookmarks.paragraph', { number: entry.group.number })}`}
              onClick={(e) => {
                removing(e.currentTarget);
                void app.toggleBookmark(entry.index);
              }}
            >
              {t('bookmarks.remove')}
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
