import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../src-main/contract/actions';
import { useReader, useReaderState, useRun } from '../reader/context';
import { type BarIcon, BarIconSvg } from './bar-icons';
import { DisplayPopover } from './DisplayPopover';
import { MoreMenu } from './MoreMenu';

/**
 * A button's face: its words, or below 1200 px its icon, the words kept as its name (visually
 * hidden) and shown as a tooltip on hover and keyboard focus; `count`, a small figure beside the
 * icon (the notes), is in the name already.
 */
function Face({ icon, label, count }: { icon: BarIcon; label: string; count?: number }) {
  return (
    <>
      <BarIconSvg icon={icon} />
      {count !== undefined && count > 0 && (
        <span className="bar-count" aria-hidden="true">
          {count}
        </span>
      )}
      <span className="bar-label">{label}</span>
    </>
  );
}

/**
 * The one slim bar above the text: library, title, panels, Edit alignment, display, the rest. The
 * title gets the room the bar has left; cut (at its end), it is whole in its tooltip.
 */
export function TopBar({ title }: { title: string }) {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  const panel = useReaderState((s) => s.panel);
  const mode = useReaderState((s) => s.mode);
  const notes = app.annotations.annotations.length;
  const toggle = (id: ActionId, icon: BarIcon, name: string, open: boolean, controls: string, count?: number) => (
    <button type="button" className="bar-button bar-icon-button" data-tip={name} aria-expanded={open} aria-controls={controls} onClick={() => run(id)}>
      <Face icon={icon} label={name} {...(count !== undefined ? { count } : {})} />
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
        {toggle('toggle-contents', 'contents', t('toolbar.contents'), panel === 'contents', 'contents-panel')}
        {toggle('toggle-search', 'search', t('toolbar.search'), panel === 'search', 'search-panel')}
        {toggle('toggle-annotations', 'notes', t('toolbar.annotations', { count: notes }), panel === 'notes', 'annotations-panel', notes)}
        {toggle('toggle-bookmarks', 'bookmarks', t('bookmarks.title'), panel === 'bookmarks', 'bookmarks-panel')}
      </div>
      <div className="bar-group">
        {app.editable && (
          <button
            type="button"
            className="bar-button bar-icon-button"
            data-tip={t('modes.edit')}
            aria-pressed={mode === 'edit-alignment'}
            onClick={() => run('toggle-edit-alignment')}
          >
            <Face icon="edit" label={t('modes.edit')} />
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
