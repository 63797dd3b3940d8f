import { useTranslation } from 'react-i18next';
import { useRequestClose } from './Dialog';

/** The end of every dialog's form: what went wrong, if anything, then Cancel and the main button. */
export function FormFooter({
  error,
  onCancel,
  cancelLabel,
  submitLabel,
  submitDisabled = false,
  busy = false,
  danger = false,
}: {
  error: string | undefined;
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel?: string;
  submitDisabled?: boolean;
  /**
   * The form is being saved: the submit button says it is unavailable but stays focusable (a
   * disabled button drops the focus to the page, where it stayed when the save failed). A press of
   * it still submits: the form's own submit handler ignores a second submit meanwhile.
   */
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  // In a dialog holding unsaved text, Cancel asks first (as Esc does).
  const requestClose = useRequestClose();
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" className="tool-button" onClick={() => requestClose(onCancel)}>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="submit" className={`tool-button ${danger ? 'danger' : 'primary'}`} disabled={submitDisabled} aria-disabled={busy || undefined}>
          {submitLabel ?? t('common.save')}
        </button>
      </div>
    </>
  );
}
