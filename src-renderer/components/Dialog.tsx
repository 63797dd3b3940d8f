import { createFocusTrap } from 'focus-trap';
import { type ReactNode, useEffect, useId, useRef } from 'react';
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
 * A modal dialog (the WAI-ARIA dialog pattern), on the native `<dialog>` element opened with
 * `showModal()` (the rest of the page is inert, Escape cancels) and `focus-trap` for the focus:
 * it moves to the first field on open (never to Close), Tab and Shift+Tab stay inside, and it
 * returns where it was on close.
 */
export function Dialog({
  title,
  onClose,
  children,
  className,
  describedBy,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
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
      // Back where it was, if that is still in the page; else to the text.
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else document.getElementById('reader')?.focus({ preventScroll: true });
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
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
      </div>
      {children}
      {/* Last in the tab order: the first thing Tab reaches is never Close. */}
      <button type="button" className="dialog-close" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
        ×
      </button>
    </dialog>
  );
}
