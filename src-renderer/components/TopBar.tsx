import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../src-main/contract/actions';
import { useReader, useReaderState, useRun } from '../reader/context';
import { DisplayPopover } from './DisplayPopover';
import { MoreMenu } from './MoreMenu';

/** The one slim bar above the text: library, title, panels, Edit alignment, display, the rest. */
export function TopBar({ title }: { title: string }) {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  const panel = useReaderState((s) => s.panel);
  const mode = useReaderState((s) => s.mode);
  const notes = app.annotations.annotations.length;
  const toggle = (id: ActionId, name: string, open: boolean, controls: string, text = name) => (
    <button type="button" className="bar-button" aria-expanded={open} aria-controls={controls} onClick={() => run(id)}>
      {text}
    </button>
  );
  return (
    <div className="top-bar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="bar-button library-button" onClick={() => app.library()}>
        <span aria-hidden="true">‹ </span>
        {t('library.button')}
      </button>
      <span className="bar-title app-document" title={title}>
        {title}
      </span>
      <div className="bar-group">
        {toggle('toggle-contents', t('toolbar.contents'), panel === 'contents', 'contents-panel')}
        {toggle('toggle-search', t('toolbar.search'), panel === 'search', 'search-panel')}
        {toggle('toggle-annotations', t('toolbar.annotations', { count: notes }), panel === 'notes', 'annotations-panel')}
        {toggle('toggle-bookmarks', t('bookmarks.title'), panel === 'bookmarks', 'bookmarks-panel')}
      </div>
      <div className="bar-group">
        {app.editable && (
          <button type="button" className="bar-button" aria-pressed={mode === 'edit-alignment'} onClick={() => run('toggle-edit-alignment')}>
            {t('modes.edit')}
          </button>
        )}
        <button type="button" className="bar-button display-button" popoverTarget="display-popover" aria-label={t('display.label')} title={t('display.label')}>
          <span aria-hidden="true">{t('display.button')}</span>
        </button>
        <button type="button" className="bar-button" popoverTarget="more-popover">
          {t('more.button')}
        </button>
      </div>
      <DisplayPopover />
      <MoreMenu />
    </div>
  );
}
