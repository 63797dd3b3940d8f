import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS } from '../../src-main/contract/ipc';
import { useReader, useRun } from '../reader/context';

/** Appears over a finished text selection: highlight in a colour, or add a note (actions by id). */
export function SelectionBar({ at }: { at: { x: number; y: number } }) {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  const left = Math.max(8, Math.min(at.x - 120, window.innerWidth - 300));
  const top = Math.max(8, at.y - 48);
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('annotations.selectionBar')} style={{ left, top }}>
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch-button swatch-${color}`}
          aria-label={t('annotations.highlightIn', { color: t(`annotations.colors.${color}`) })}
          title={t('annotations.highlightIn', { color: t(`annotations.colors.${color}`) })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            app.dispatch({ type: 'last-color', color });
            run('highlight-selection');
          }}
        />
      ))}
      <button type="button" className="tool-button" onMouseDown={(e) => e.preventDefault()} onClick={() => run('note-selection')}>
        {t('annotations.addNote')}
      </button>
      <button type="button" className="tool-button" title={t('actions.add-to-glossary')} onMouseDown={(e) => e.preventDefault()} onClick={() => run('add-to-glossary')}>
        {t('glossary.addFromSelection')}
      </button>
    </div>
  );
}
