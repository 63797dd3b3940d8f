import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../src-main/contract/ipc';

/** Appears over a text selection: highlight in a colour, or add a note. */
export function SelectionBar({
  at,
  onHighlight,
  onNote,
}: {
  at: { x: number; y: number };
  onHighlight: (color: AnnotationColor) => void;
  onNote: () => void;
}) {
  const { t } = useTranslation();
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
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" className="tool-button" onMouseDown={(e) => e.preventDefault()} onClick={onNote}>
        {t('annotations.addNote')}
      </button>
    </div>
  );
}
