import { useTranslation } from 'react-i18next';
import { useReader, useReaderState } from '../reader/context';

/** Where the reader is: the paragraph at the top of the window, of how many, and how far in. */
export function ReadingProgress() {
  const { t } = useTranslation();
  const app = useReader();
  const top = useReaderState((s) => s.topRow);
  const rows = app.entries.length;
  const entry = app.entries[top];
  if (!entry || rows === 0) return null;
  const total = app.paragraphs.length;
  const percent = Math.round(((top + 1) / rows) * 100);
  return (
    <div className="reading-progress" aria-label={t('progress.label')} role="group">
      <span className="reading-progress-text">
        {t('progress.text', { current: app.paragraphIndexOf(top) + 1, total })} · {t('progress.percent', { percent })}
      </span>
      <progress className="reading-progress-bar" max={rows} value={top + 1} aria-label={t('progress.label')} />
    </div>
  );
}
