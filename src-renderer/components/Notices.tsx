import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReader, useReaderState } from '../reader/context';

/** What just happened, said to screen readers and shown for a moment; Undo after a delete. */
export function Notices() {
  const { t } = useTranslation();
  const app = useReader();
  const notice = useReaderState((s) => s.notice);
  const lastDeleted = useReaderState((s) => s.deleted.at(-1));
  const [dismissed, setDismissed] = useState<string | undefined>();
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice?.text}
      </p>
      {notice && (
        <Toast key={notice.seq} text={notice.text} onShown={() => app.dispatch({ type: 'notice-shown' })} />
      )}
      {lastDeleted && dismissed !== lastDeleted.id && (
        <div className="undo-bar" role="group" aria-label={t('annotations.deleted')}>
          <span>{t('annotations.deleted')}</span>
          <button type="button" className="tool-button" onClick={() => void app.undoDelete()}>
            {t('annotations.undo')}
          </button>
          <button type="button" className="tool-button" aria-label={t('common.close')} onClick={() => setDismissed(lastDeleted.id)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}

/**
 * A message shown for a moment (hidden from screen readers: the caller says it in a status line);
 * `onShown` when it has faded. Give it a new `key` for each message, so the same text shows again.
 */
export function Toast({ text, onShown }: { text: string; onShown: () => void }) {
  return (
    <div className={`toast${toastLength(text)}`} aria-hidden="true" onAnimationEnd={onShown}>
      {text}
    </div>
  );
}

/**
 * A message shows long enough to be read (some 15 characters a second): a word or two for the
 * usual 2.4 s, a sentence (a refused import, a path) longer. See `.toast-long` in app.css.
 */
function toastLength(text: string): string {
  return text.length > 150 ? ' toast-long toast-longest' : text.length > 90 ? ' toast-long toast-longer' : text.length > 40 ? ' toast-long' : '';
}
