import { useTranslation } from 'react-i18next';
import { useRequestClose } from './Dialog';

/** The end of every dialog's form: what went wrong, if anything, then Cancel and the main button. */
export function FormFooter({
  error,
  onCancel,
  cancelLabel,
  submitLabel,
  submitDisabled = false,
  danger = false,
}: {
  error: string | undefined;
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel?: string;
  submitDisabled?: boolean;
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
        <button type="submit" className={`tool-button ${danger ? 'danger' : 'primary'}`} disabled={submitDisabled}>
          {submitLabel ?? t('common.save')}
        </button>
      </div>
    </>
  );
}
