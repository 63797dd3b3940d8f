import { useTranslation } from 'react-i18next';
import {
  BITEXT_EXPORT_FORMATS as EXPORT_FORMATS,
  type BitextExportFormat,
  FONT_STEPS,
  LAYOUTS,
  LINE_SPACINGS as SPACINGS,
  type LineSpacing,
  type ReaderPrefs,
  type Theme,
  THEMES,
} from '../../src-main/contract/ipc';


export interface AlignmentTools {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onNextToCheck: () => void;
  onExport: (format: BitextExportFormat) => void;
}

export interface ToolbarProps {
  prefs: ReaderPrefs;
  onChange: (patch: Partial<ReaderPrefs>) => void;
  searchOpen: boolean;
  contentsOpen: boolean;
  onToggleSearch: () => void;
  onToggleContents: () => void;
  onHelp: () => void;
  annotationsOpen: boolean;
  annotationCount: number;
  onToggleAnnotations: () => void;
  /** Present when the document's alignment can be corrected. */
  alignment: AlignmentTools | undefined;
}

/** The reader's controls: layout, columns, theme, text size and spacing, panels, help. */
export function Toolbar({
  prefs,
  onChange,
  searchOpen,
  contentsOpen,
  onToggleSearch,
  onToggleContents,
  onHelp,
  annotationsOpen,
  annotationCount,
  onToggleAnnotations,
  alignment,
}: ToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        <button type="button" className="tool-button" aria-expanded={contentsOpen} aria-controls="contents-panel" onClick={onToggleContents}>
          {t('toolbar.contents')}
        </button>
        <button type="button" className="tool-button" aria-expanded={searchOpen} aria-controls="search-panel" onClick={onToggleSearch}>
          {t('toolbar.search')}
        </button>
        <button
          type="button"
          className="tool-button"
          aria-expanded={annotationsOpen}
          aria-controls="annotations-panel"
          onClick={onToggleAnnotations}
        >
          {t('toolbar.annotations', { count: annotationCount })}
        </button>
      </div>

      {alignment && (
        <div className="toolbar-group" role="group" aria-label={t('toolbar.alignment')}>
          <button type="button" className="tool-button" disabled={!alignment.canUndo} onClick={alignment.onUndo}>
            {t('toolbar.undo')}
          </button>
          <button type="button" className="tool-button" disabled={!alignment.canRedo} onClick={alignment.onRedo}>
            {t('toolbar.redo')}
          </button>
          <button type="button" className="tool-button" onClick={alignment.onNextToCheck}>
            {t('toolbar.nextToCheck')}
          </button>
          <label className="tool-field">
            <span className="visually-hidden">{t('toolbar.exportAlignment')}</span>
            <select
              value=""
              onChange={(e) => {
                const format = e.target.value as BitextExportFormat;
                if (format) alignment.onExport(format);
              }}
            >
              <option value="">{t('toolbar.exportAlignment')}</option>
              {EXPORT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {t(`toolbar.exportFormats.${format}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      <div className="toolbar-group" role="group" aria-label={t('toolbar.layout')}>
        {LAYOUTS.map((layout) => (
          <button
            key={layout}
            type="button"
            className="tool-button segmented"
            aria-pressed={prefs.layout === layout}
            onClick={() => onChange({ layout })}
          >
            {t(`toolbar.layouts.${layout}`)}
          </button>
        ))}
        {prefs.layout === 'single' && (
          <label className="tool-field">
            <span className="visually-hidden">{t('toolbar.singleLang')}</span>
            <select value={prefs.singleLang} onChange={(e) => onChange({ singleLang: e.target.value === 'ru' ? 'ru' : 'en' })}>
              <option value="en">{t('reader.columnEnglish')}</option>
              <option value="ru">{t('reader.columnRussian')}</option>
            </select>
          </label>
        )}
        <button type="button" className="tool-button" aria-pressed={prefs.swapped} onClick={() => onChange({ swapped: !prefs.swapped })}>
          {t('toolbar.swap')}
        </button>
      </div>

      <div className="toolbar-group">
        <label className="tool-field">
          <span className="tool-label">{t('toolbar.theme')}</span>
          <select value={prefs.theme} onChange={(e) => onChange({ theme: e.target.value as Theme })}>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`toolbar.themes.${theme}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="tool-stepper" role="group" aria-label={t('toolbar.textSize')}>
          <button
            type="button"
            className="tool-button"
            aria-label={t('actions.zoom-out')}
            disabled={prefs.fontStep <= FONT_STEPS.min}
            onClick={() => onChange({ fontStep: prefs.fontStep - 1 })}
          >
            A−
          </button>
          <span className="tool-value" aria-live="polite">
            {Math.round((1 + prefs.fontStep * 0.1) * 100)}%
          </span>
          <button
            type="button"
            className="tool-button"
            aria-label={t('actions.zoom-in')}
            disabled={prefs.fontStep >= FONT_STEPS.max}
            onClick={() => onChange({ fontStep: prefs.fontStep + 1 })}
          >
            A+
          </button>
        </div>
        <label className="tool-field">
          <span className="tool-label">{t('toolbar.lineSpacing')}</span>
          <select value={prefs.lineSpacing} onChange={(e) => onChange({ lineSpacing: e.target.value as LineSpacing })}>
            {SPACINGS.map((spacing) => (
              <option key={spacing} value={spacing}>
                {t(`toolbar.spacings.${spacing}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="tool-button" onClick={onHelp} aria-haspopup="dialog">
          {t('toolbar.shortcuts')}
        </button>
      </div>
    </div>
  );
}
