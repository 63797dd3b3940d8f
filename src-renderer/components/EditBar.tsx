import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BITEXT_EXPORT_FORMATS as EXPORT_FORMATS, type BitextExportFormat } from '../../src-main/contract/ipc';
import { isWeak } from '../reader/alignment';
import { useReader, useReaderState, useRun } from '../reader/context';


/** The Edit alignment mode's own bar: undo/redo of corrections, the review jumps, export, Done. */
export function EditBar() {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  useReaderState((s) => s.deleted.length + s.restored.length);
  const confirmed = app.confirmed;
  const weak = app.entries.filter((e) => isWeak(e.row, confirmed)).length;
  // The export list: a format picked from its list (pointer, or Enter in the open list) exports at
  // once; the arrow keys on the closed list only move through the formats (Chromium changes the
  // value on each of them), and Enter exports the one shown. Browsing no longer saves a file a key.
  const [choice, setChoice] = useState<BitextExportFormat | ''>('');
  const browsing = useRef(false);
  const exportAs = (format: BitextExportFormat | '') => {
    setChoice('');
    if (format) void app.exportBitext(format);
  };
  return (
    <div className="edit-bar" role="toolbar" aria-label={t('modes.barLabel')}>
      <strong className="edit-bar-title">{t('modes.edit')}</strong>
      <button type="button" className="tool-button" disabled={!app.canUndo()} onClick={() => run('undo')}>
        {t('toolbar.undo')}
      </button>
      <button type="button" className="tool-button" disabled={!app.canRedo()} onClick={() => run('redo')}>
        {t('toolbar.redo')}
      </button>
      <button type="button" className="tool-button" onClick={() => run('next-unconfirmed')}>
        {t('toolbar.nextToCheck')}
      </button>
      <button type="button" className="tool-button" onClick={() => run('next-weakest')}>
        {t('actions.next-weakest')} <span className="edit-bar-count">({t('modes.summary', { count: weak })})</span>
      </button>
      <label className="tool-field">
        <span className="visually-hidden">{t('toolbar.exportAlignment')}</span>
        <select
          value={choice}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              exportAs(choice);
            } else if (!e.altKey && e.key !== ' ' && (/^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down))$/.test(e.key) || e.key.length === 1)) {
              // The change such a key makes comes before its keyup.
              browsing.current = true;
            }
          }}
          onKeyUp={() => {
            browsing.current = false;
          }}
          onChange={(e) => {
            const format = e.target.value as BitextExportFormat | '';
            if (browsing.current) setChoice(format);
            else exportAs(format);
            browsing.current = false;
          }}
          onBlur={() => setChoice('')}
        >
          <option value="">{t('toolbar.exportAlignment')}</option>
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`toolbar.exportFormats.${format}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="tool-button primary" onClick={() => run('toggle-edit-alignment')}>
        {t('modes.done')}
      </button>
    </div>
  );
}
