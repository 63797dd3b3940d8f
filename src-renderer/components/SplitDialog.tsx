import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignedRow, Lang } from '../../src-main/contract/ipc';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

/** Choose where a row splits in each language: the clauses before the split make the first row. */
export function SplitDialog({ row, onSplit, onClose }: { row: AlignedRow; onSplit: (en: number, ru: number) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState<Record<Lang, number>>({ en: Math.min(1, row.en.length), ru: Math.min(1, row.ru.length) });
  const [error, setError] = useState<string | undefined>();
  const valid = at.en + at.ru > 0 && at.en + at.ru < row.en.length + row.ru.length;
  const side = (lang: Lang) => (
    <fieldset className="split-side" lang={lang}>
      <legend>{lang === 'en' ? t('reader.columnEnglish') : t('reader.columnRussian')}</legend>
      {Array.from({ length: row[lang].length + 1 }, (_, k) => (
        <label key={k} className="split-point">
          <input type="radio" name={`split-${lang}`} checked={at[lang] === k} onChange={() => setAt((a) => ({ ...a, [lang]: k }))} />
          <span>
            {k === 0
              ? t('alignment.splitNone')
              : t('alignment.splitAfter', { text: row[lang][k - 1]!.text.slice(0, 60) + (row[lang][k - 1]!.text.length > 60 ? '…' : '') })}
          </span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <Dialog title={t('alignment.splitTitle')} onClose={onClose} className="split-dialog">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return setError(t('alignment.splitInvalid'));
          onSplit(at.en, at.ru).then(onClose, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <p className="panel-hint">{t('alignment.splitHint')}</p>
        <div className="split-sides">
          {side('en')}
          {side('ru')}
        </div>
        <FormFooter error={error} onCancel={onClose} submitLabel={t('alignment.split')} />
      </form>
    </Dialog>
  );
}
