import { createFocusTrap } from 'focus-trap';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The first field of a dialog (what the reader came to type in), else its first control. */
function firstField(dialog: HTMLElement): HTMLElement {
  return (
    dialog.querySelector<HTMLElement>('[data-autofocus]') ??
    dialog.querySelector<HTMLElement>('textarea, input:not([type="hidden"]):not([tabindex="-1"]), select') ??
    dialog.querySelector<HTMLElement>('button:not(.dialog-close), [href], [tabindex="0"]') ??
    dialog
  );
}

/**
 * The focus back in the text when what opened a dialog is no longer in the page: the element of
 * the same id (drawn again), else its clause, and from there on to that element once the row has
 * drawn it again (a linked term is drawn only in the row that holds the focus); else the text.
 */
function returnToText(id: string | undefined, clauseId: string | undefined): void {
  const again = id ? document.getElementById(id) : null;
  if (again) return again.focus({ preventScroll: true });
  const clause = clauseId ? document.querySelector<HTMLElement>(`[data-clause-id="${CSS.escape(clauseId)}"]`) : null;
  if (!clause) return document.getElementById('reader')?.focus({ preventScroll: true });
  clause.focus({ preventScroll: true });
  if (!id) return;
  let frames = 10;
  const onward = () => {
    if (document.activeElement !== clause) return;
    const drawn = document.getElementById(id);
    if (drawn && clause.contains(drawn)) drawn.focus({ preventScroll: true });
    else if (--frames > 0) requestAnimationFrame(onward);
  };
  requestAnimationFrame(onward);
}

/**
 * How a dialog's own Cancel button asks to close: through the dialog, which first asks whether to
 * throw away what was typed (`unsaved`). Outside a dialog, `then` runs at once.
 */
const RequestClose = createContext<(then: () => void) => void>((then) => then());
export const useRequestClose = () => useContext(RequestClose);

/**
 * A modal dialog (the WAI-ARIA dialog pattern), on the native `<dialog>` element opened with
 * `showModal()` (the rest of the page is inert, Escape cancels) and `focus-trap` for the focus:
 * it moves to the first field on open (never to Close), Tab and Shift+Tab stay inside, and it
 * returns where it was on close. With `unsaved` (the reader has typed something not saved yet),
 * Esc, × and Cancel first ask whether to discard it: *Keep editing* (the default, and what a second
 * Esc does) puts the focus back in the field; *Discard* closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  className,
  describedBy,
  unsaved = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
  /** Closing now would lose what the reader typed: ask first. */
  unsaved?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  /** What closes the dialog once the reader has said to discard (set while the question is shown). */
  const [discard, setDiscard] = useState<{ close: () => void } | undefined>();
  /** The field the reader was in when the question came: the focus goes back there. */
  const field = useRef<HTMLElement | null>(null);
  const unsavedRef = useRef(unsaved);
  useLayoutEffect(() => {
    unsavedRef.current = unsaved;
  }, [unsaved]);
  const requestClose = useCallback((then: () => void) => {
    if (!unsavedRef.current) return then();
    const active = document.activeElement;
    field.current = active instanceof HTMLElement && active.matches('input, textarea, select') ? active : null;
    setDiscard({ close: then });
  }, []);
  const keepEditing = () => {
    setDiscard(undefined);
    const dialog = ref.current;
    if (dialog) (field.current?.isConnected ? field.current : firstField(dialog)).focus();
  };
  useLayoutEffect(() => {
    if (discard) ref.current?.querySelector<HTMLElement>('.dialog-discard .dialog-keep')?.focus();
  }, [discard]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A linked term is drawn only while its row holds the focus: gone when the dialog closes.
    const openerId = opener?.id || undefined;
    const openerClause = opener?.closest<HTMLElement>('[data-clause-id]')?.dataset.clauseId;
    dialog.showModal();
    const trap = createFocusTrap(dialog, {
      initialFocus: () => firstField(dialog),
      fallbackFocus: dialog,
      escapeDeactivates: false,
      returnFocusOnDeactivate: false,
      delayInitialFocus: false,
      preventScroll: true,
    });
    trap.activate();
    return () => {
      trap.deactivate();
      // Was the focus in the dialog (or lost with it)? Else what closed it has put it somewhere on
      // purpose (a panel run from the palette focuses itself before this runs): it stays there.
      const active = document.activeElement;
      const lost = !active || active === document.body || !active.isConnected || dialog.contains(active);
      dialog.close();
      if (!lost) return;
      // Back where it was, if that is still in the page; else to the same element drawn again, or
      // the clause it was in; else to the text.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else returnToText(openerId, openerClause);
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      tabIndex={-1}
      onCancel={(e) => {
        // A file field's picker closed without a choice fires a `cancel` that bubbles up here: not
        // the reader asking to close the dialog.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        if (discard) keepEditing();
        else requestClose(onClose);
      }}
      onKeyDown={(e) => {
        // With something to lose, Esc is answered here, before the browser's close request: Chromium
        // closes a dialog whose cancel was prevented at the next Esc without user activation.
        if (e.key !== 'Escape' || e.defaultPrevented || (!unsaved && !discard)) return;
        e.preventDefault();
        if (discard) keepEditing();
        else requestClose(onClose);
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
      </div>
      <RequestClose.Provider value={requestClose}>{children}</RequestClose.Provider>
      {discard && (
        <div className="dialog-discard" role="alert">
          <p>{t('unsavedDialog.question')}</p>
          <div className="editor-actions">
            <button type="button" className="tool-button primary dialog-keep" onClick={keepEditing}>
              {t('unsavedDialog.keep')}
            </button>
            <button type="button" className="tool-button danger" onClick={() => discard.close()}>
              {t('unsavedDialog.discard')}
            </button>
          </div>
        </div>
      )}
      {/* Last in the tab order: the first thing Tab reaches is never Close. */}
      <button type="button" className="dialog-close" aria-label={t('common.close')} title={t('common.close')} onClick={() => requestClose(onClose)}>
        ×
      </button>
    </dialog>
  );
}
