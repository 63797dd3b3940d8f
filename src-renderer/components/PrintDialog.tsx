import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotePlacement } from '../../src-main/contract/ipc';
import { ApiError, expectOk, getApi } from '../api';
import { Dialog } from './Dialog';

type Outcome = { kind: 'busy'; what: Job } | { kind: 'done'; text: string } | { kind: 'error'; text: string; detail?: string } | undefined;
type Job = 'print' | 'pdf' | 'docx';

/**
 * Print the document side by side (both columns level, paragraph numbers), save it as a PDF, or
 * export it as a two-column DOCX table; the reader's notes as footnotes or left out.
 */
export function PrintDialog({ documentId, notes, bookFootnotes = 0, onClose }: { documentId: string; notes: number; /** The source's own footnotes (always printed). */ bookFootnotes?: number; onClose: () => void }) {
  const { t } = useTranslation();
  // Until the reader chooses, the notes follow their count: a note saved just before Ctrl+P (the
  // editor closes at once, the save lands a moment later) is printed as a footnote too.
  const [chosen, setPlacement] = useState<NotePlacement | undefined>();
  const placement: NotePlacement = chosen ?? (notes > 0 ? 'footnotes' : 'omit');
  // ...and the focus, which starts on the choice made, moves with it while the reader has not chosen.
  const footnotesRef = useRef<HTMLInputElement>(null);
  const omitRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (chosen !== undefined) return;
    const [from, to] = placement === 'footnotes' ? [omitRef, footnotesRef] : [footnotesRef, omitRef];
    if (from.current && document.activeElement === from.current) to.current?.focus();
  }, [placement, chosen]);
  const [numbers, setNumbers] = useState(true);
  const [outcome, setOutcome] = useState<Outcome>();
  // While a job runs its controls are disabled, which dropped the focus to the page: it waits on
  // Close meanwhile and goes back to where it was (the button pressed, the choice Enter was pressed
  // on) when the job is done.
  const formRef = useRef<HTMLFormElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const heldRef = useRef<HTMLElement | null>(null);

  const run = async (what: Job) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== closeRef.current && formRef.current?.contains(active)) {
      heldRef.current = active;
      closeRef.current?.focus();
    }
    setOutcome({ kind: 'busy', what });
    try {
      if (what === 'print') {
        const { printed } = await expectOk(getApi().printDocument({ documentId, notes: placement, numbers }));
        setOutcome({ kind: 'done', text: t(printed ? 'print.printed' : 'print.notPrinted') });
      } else {
        const result = await expectOk(
          what === 'pdf' ? getApi().printToPdf({ documentId, notes: placement, numbers }) : getApi().exportBitext({ documentId, format: 'docx', notes: placement }),
        );
        setOutcome({ kind: 'done', text: result.saved ? t('print.saved', { path: result.path ?? '' }) : t('print.notSaved') });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unavailable') setOutcome({ kind: 'error', text: t('printErrors.unavailable'), detail: e.message });
      else setOutcome({ kind: 'error', text: t('print.failed'), detail: e instanceof Error ? e.message : String(e) });
    }
  };
  const busy = outcome?.kind === 'busy';
  useEffect(() => {
    if (busy) return;
    const held = heldRef.current;
    heldRef.current = null;
    const active = document.activeElement;
    if (held?.isConnected && (active === closeRef.current || !active || active === document.body)) held.focus();
  }, [busy]);
  return (
    <Dialog title={t('print.title')} onClose={onClose} className="print-dialog">
      <form
        ref={formRef}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run('print');
        }}
      >
        <p className="panel-hint">{t('print.intro')}</p>
        {bookFootnotes > 0 && <p className="panel-hint print-book-footnotes">{t('footnotes.printed', { count: bookFootnotes })}</p>}
        <fieldset className="print-notes" disabled={busy}>
          <legend>{t('print.notes')}</legend>
          <label className="editor-check">
            <input ref={footnotesRef} type="radio" name="print-notes" checked={placement === 'footnotes'} data-autofocus={placement === 'footnotes' ? '' : undefined} onChange={() => setPlacement('footnotes')} />
            <span>{t('print.footnotes', { count: notes })}</span>
          </label>
          <label className="editor-check">
            <input ref={omitRef} type="radio" name="print-notes" checked={placement === 'omit'} data-autofocus={placement === 'omit' ? '' : undefined} onChange={() => setPlacement('omit')} />
            <span>{t('print.omit')}</span>
          </label>
        </fieldset>
        <label className="editor-check">
          <input type="checkbox" checked={numbers} disabled={busy} onChange={(e) => setNumbers(e.target.checked)} />
          <span>{t('print.numbers')}</span>
        </label>
        {busy && (
          <p role="status" className="print-status">
            {t(`print.busy.${outcome.what}`)}
          </p>
        )}
        {outcome?.kind === 'done' && (
          <p role="status" className="print-status">
            {outcome.text}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <div className="field-error" role="alert">
            <p>{outcome.text}</p>
            {outcome.detail && <p className="status-detail">{outcome.detail}</p>}
          </div>
        )}
        <div className="editor-actions">
          <button ref={closeRef} type="button" className="tool-button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="tool-button" disabled={busy} onClick={() => void run('docx')}>
            {t('print.docx')}
          </button>
          <button type="button" className="tool-button" disabled={busy} onClick={() => void run('pdf')}>
            {t('print.pdf')}
          </button>
          <button type="submit" className="tool-button primary" disabled={busy}>
            {t('print.print')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
