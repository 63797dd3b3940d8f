import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../src-main/contract/ipc';
import { useReader, useRun } from '../reader/context';
import { LanguageSwitch } from './LanguageSwitch';

/** Where Down, Up, Home or End go from item `at` of `count` (round at the ends); undefined: not a move. */
export function menuStep(key: string, at: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return at < 0 ? 0 : (at + 1) % count;
  if (key === 'ArrowUp') return at < 0 ? count - 1 : (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** The rest, out of the way: import, export, interface language, shortcuts, commands. */
export function MoreMenu() {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  const hide = () => document.getElementById('more-popover')?.hidePopover();
  const exportNotes = async (format: ExportFormat) => {
    hide();
    try {
      const result = await app.annotations.exportAs(format);
      if (result.saved) app.say(t('annotations.exported', { path: result.path ?? '' }));
    } catch (e) {
      app.say(t('annotations.exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div
      id="more-popover"
      className="popover more-popover"
      popover="auto"
      role="dialog"
      aria-label={t('more.label')}
      onToggle={(e) => {
        if ((e.nativeEvent as ToggleEvent).newState === 'open') e.currentTarget.querySelector<HTMLElement>('button')?.focus();
      }}
      onKeyDown={(e) => {
        // A menu of commands: Down and Up go through its buttons (round), Home and End to the ends.
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
        const at = items.findIndex((item) => item === document.activeElement);
        const next = menuStep(e.key, at, items.length);
        if (next === undefined) return;
        e.preventDefault();
        items[next]?.focus();
      }}
    >
      <div className="more-items">
        <button type="button" className="more-item" onClick={() => (hide(), run('command-palette'))}>
          {t('more.palette')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('show-help'))}>
          {t('more.shortcuts')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('toggle-checks'))}>
          {t('more.checks')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('toggle-glossary'))}>
          {t('more.glossary')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('open-concordance'))}>
          {t('concordance.moreItem')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), app.library())}>
          {t('more.import')}
        </button>
        <button type="button" className="more-item" disabled={app.annotations.annotations.length === 0} onClick={() => void exportNotes('markdown')}>
          {t('more.exportNotesMarkdown')}
        </button>
        <button type="button" className="more-item" disabled={app.annotations.annotations.length === 0} onClick={() => void exportNotes('jsonld')}>
          {t('more.exportNotesJsonLd')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('print-document'))}>
          {t('more.print')}
        </button>
        <button type="button" className="more-item" onClick={() => (hide(), run('open-dictionaries'))}>
          {t('more.dictionaries')}
        </button>
        {app.doc.manifest.details && (
          <button type="button" className="more-item" onClick={() => (hide(), run('edit-details'))}>
            {t('more.editDetails')}
          </button>
        )}
      </div>
      <LanguageSwitch />
    </div>
  );
}
