import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { footnoteMarkElement } from '../reader/footnotes';
import { useReader } from '../reader/context';
import { placeBeside, useCloseOnPressOutside } from './popup-place';

/**
 * One of the source's own footnotes (the book's, not the reader's notes), in a popup beside its
 * mark: not modal — the text stays readable and clickable. It takes the focus when it opens (so
 * a screen reader reads it and Escape reaches it); Escape or its Close button closes it and the
 * focus goes back to the mark; Tab out of it or a click elsewhere closes it too. The note's text
 * is marked with its language, whatever the UI's.
 */
export function FootnotePopup({ index }: { index: number }) {
  const { t } = useTranslation();
  const app = useReader();
  const note = app.doc.footnotes?.[index];
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [at, setAt] = useState<{ left: number; top: number } | undefined>();

  const close = (refocus: boolean) => {
    app.close();
    if (refocus) footnoteMarkElement(index)?.focus({ preventScroll: true });
  };

  // Below the mark (above it when there is no room below), inside the window.
  useLayoutEffect(() => {
    const mark = footnoteMarkElement(index);
    const popup = ref.current;
    if (!mark || !popup) return;
    // The line the mark is on (the mark itself is raised and has no height of its own): the
    // clause's line box around it, so the popup never covers the line it was opened from.
    const markBox = mark.getBoundingClientRect();
    const clause = mark.closest('.clause');
    const middle = markBox.top + markBox.height / 2;
    const line = clause ? [...clause.getClientRects()].find((r) => r.top - 2 <= middle && r.bottom + 2 >= middle) : undefined;
    const box = { left: markBox.left, top: Math.min(markBox.top, line?.top ?? markBox.top), bottom: Math.max(markBox.bottom, line?.bottom ?? markBox.bottom) };
    setAt(placeBeside(box, popup, box.left - 16));
  }, [index]);

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  useCloseOnPressOutside(ref, app);

  if (!note) return null;
  const side = note.lang === 'en' ? t('footnotes.inEnglish') : t('footnotes.inRussian');
  return (
    <div
      ref={ref}
      className="footnote-popup"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-text`}
      tabIndex={-1}
      data-footnote-popup={index}
      style={at ? { left: at.left, top: at.top } : { left: -10_000, top: 0 }}
      onKeyDown={(e) => {
        if (e.key === 'Tab') {
          // Tab past its last control (Shift+Tab before its first) leaves the popup where it
          // opened: closed, the focus back on the mark, the next Tab going on through the text.
          const controls = [...e.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')];
          const here = document.activeElement;
          const leaving = e.shiftKey ? here === e.currentTarget || here === controls[0] : here === controls[controls.length - 1];
          if (!leaving) return;
        } else if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        close(true);
      }}
      onBlur={(e) => {
        // Tab (or a click elsewhere) out of the popup closes it; the focus stays where it went.
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) app.close();
      }}
    >
      <div className="footnote-popup-head">
        <h2 id={titleId} className="footnote-popup-title">
          {t('footnotes.title', { label: note.label })}
        </h2>
        <span className="footnote-popup-side">{side}</span>
      </div>
      <div id={`${titleId}-text`} className="footnote-popup-text" lang={note.lang}>
        {note.text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <div className="footnote-popup-foot">
        <span className="footnote-popup-hint">{t('footnotes.hint')}</span>
        <button type="button" className="link-button" onClick={() => close(true)}>
          {t('footnotes.close')}
        </button>
      </div>
    </div>
  );
}
