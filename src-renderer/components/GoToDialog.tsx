import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/** Jump to a paragraph by its number. */
export function GoToDialog({ max, onGo, onClose }: { max: number; onGo: (paragraph: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  return (
    <Dialog title={t('goTo.title')} onClose={onClose} className="goto-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(value);
          if (!Number.isInteger(n) || n < 1 || n > max) {
            setError(true);
            return;
          }
          onGo(n);
        }}
      >
        <label htmlFor="goto-input">{t('goTo.label', { max })}</label>
        <div className="goto-row">
          <input
            id="goto-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={value}
            data-autofocus
            aria-invalid={error}
            aria-describedby={error ? 'goto-error' : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(false);
            }}
          />
          <button type="submit" className="tool-button primary">
            {t('goTo.go')}
          </button>
        </div>
        {error && (
          <p id="goto-error" className="field-error" role="alert">
            {t('goTo.invalid', { max })}
          </p>
        )}
      </form>
    </Dialog>
  );
}
