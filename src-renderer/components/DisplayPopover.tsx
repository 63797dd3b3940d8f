import { useTranslation } from 'react-i18next';
import {
  FONT_STEPS,
  LAYOUTS,
  LINE_SPACINGS as SPACINGS,
  type LineSpacing,
  MEASURE,
  READER_FONTS,
  type ReaderFont,
  type Theme,
  THEMES,
} from '../../src-main/contract/ipc';
import { useReader } from '../reader/context';

/** The "Aa" popover: how the text looks. Each control sets one preference (saved by main). */
export function DisplayPopover() {
  const { t } = useTranslation();
  const app = useReader();
  const prefs = app.prefs;
  const set = app.updatePrefs.bind(app);
  return (
    <div
      id="display-popover"
      className="popover display-popover"
      popover="auto"
      role="dialog"
      aria-label={t('display.label')}
      // Tab past its last control (or Shift+Tab before its first) closes it, as a click outside does.
      onBlur={(e) => {
        const next = e.relatedTarget;
        if (next instanceof Node && !e.currentTarget.contains(next)) e.currentTarget.hidePopover();
      }}
      onToggle={(e) => {
        if ((e.nativeEvent as ToggleEvent).newState === 'open') e.currentTarget.querySelector<HTMLElement>('select')?.focus();
      }}
    >
      <div className="display-grid">
        <label className="tool-field">
          <span className="tool-label">{t('toolbar.theme')}</span>
          <select value={prefs.theme} onChange={(e) => set({ theme: e.target.value as Theme })}>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`toolbar.themes.${theme}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="tool-field">
          <span className="tool-label" id="text-size-label">
            {t('toolbar.textSize')}
          </span>
          <div className="tool-stepper" role="group" aria-labelledby="text-size-label">
            <button type="button" className="tool-button" aria-label={t('actions.zoom-out')} disabled={prefs.fontStep <= FONT_STEPS.min} onClick={() => app.zoom(-1)}>
              A−
            </button>
            <span className="tool-value" aria-live="polite">
              {Math.round((1 + prefs.fontStep * 0.1) * 100)}%
            </span>
            <button type="button" className="tool-button" aria-label={t('actions.zoom-in')} disabled={prefs.fontStep >= FONT_STEPS.max} onClick={() => app.zoom(1)}>
              A+
            </button>
          </div>
        </div>
        <label className="tool-field">
          <span className="tool-label">{t('toolbar.lineSpacing')}</span>
          <select value={prefs.lineSpacing} onChange={(e) => set({ lineSpacing: e.target.value as LineSpacing })}>
            {SPACINGS.map((spacing) => (
              <option key={spacing} value={spacing}>
                {t(`toolbar.spacings.${spacing}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="tool-field">
          <span className="tool-label">{t('display.font')}</span>
          <select value={prefs.font} onChange={(e) => set({ font: e.target.value as ReaderFont })}>
            {READER_FONTS.map((font) => (
              <option key={font} value={font}>
                {t(`display.fonts.${font}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="tool-field display-wide">
          <span className="tool-label" id="layout-label">
            {t('toolbar.layout')}
          </span>
          <div className="segmented-group" role="group" aria-labelledby="layout-label">
            {LAYOUTS.map((layout) => (
              <button key={layout} type="button" className="tool-button segmented" aria-pressed={prefs.layout === layout} onClick={() => set({ layout })}>
                {t(`toolbar.layouts.${layout}`)}
              </button>
            ))}
          </div>
        </div>
        {prefs.layout === 'single' ? (
          <label className="tool-field">
            <span className="tool-label">{t('toolbar.singleLang')}</span>
            <select value={prefs.singleLang} onChange={(e) => set({ singleLang: e.target.value === 'ru' ? 'ru' : 'en' })}>
              <option value="en">{t('reader.columnEnglish')}</option>
              <option value="ru">{t('reader.columnRussian')}</option>
            </select>
          </label>
        ) : (
          <div className="tool-field">
            <span className="tool-label">{t('display.columns')}</span>
            <button type="button" className="tool-button" aria-pressed={prefs.swapped} onClick={() => set({ swapped: !prefs.swapped })}>
              {t('toolbar.swap')}
            </button>
          </div>
        )}
        <label className="tool-field">
          <span className="tool-label">
            {t('display.measure')}: <output>{t('display.measureValue', { count: prefs.measure })}</output>
          </span>
          <input
            type="range"
            min={MEASURE.min}
            max={MEASURE.max}
            step={MEASURE.step}
            value={prefs.measure}
            onChange={(e) => set({ measure: Number(e.target.value) })}
          />
        </label>
        <div className="tool-field display-checks">
          <label className="editor-check">
            <input type="checkbox" checked={prefs.justify} onChange={(e) => set({ justify: e.target.checked })} />
            <span>{t('display.justify')}</span>
          </label>
          <label className="editor-check">
            <input type="checkbox" checked={prefs.hyphenate} onChange={(e) => set({ hyphenate: e.target.checked })} />
            <span>{t('display.hyphenate')}</span>
          </label>
        </div>
      </div>
    </div>
  );
}
