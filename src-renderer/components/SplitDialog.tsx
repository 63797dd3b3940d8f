import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignedRow, Lang, SplitCut } from '../../src-main/contract/ipc';
import { defaultSplit, splitPoint, wordsOf } from '../reader/split';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

export interface SplitChoice {
  en: number;
  ru: number;
  cuts: SplitCut[];
}

/** Choose, in each language, the word the second row starts with; a split can fall inside a sentence. */
export function SplitDialog({ row, onSplit, onClose }: { row: AlignedRow; onSplit: (choice: SplitChoice) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState<Record<Lang, number>>({ en: defaultSplit(row, 'en'), ru: defaultSplit(row, 'ru') });
  const [error, setError] = useState<string | undefined>();
  const words = { en: wordsOf(row, 'en'), ru: wordsOf(row, 'ru') };
  const valid = at.en + at.ru > 0 && at.en + at.ru < words.en.length + words.ru.length;
  const name = (lang: Lang) => (lang === 'en' ? t('reader.columnEnglish') : t('reader.columnRussian'));
  const side = (lang: Lang) => {
    const list = words[lang];
    const first = list.slice(0, at[lang]).map((w) => w.text).join(' ');
    const second = list.slice(at[lang]).map((w) => w.text).join(' ');
    const id = `split-${lang}`;
    return (
      <div className="split-side" lang={lang}>
        <label htmlFor={id} className="split-label" lang={undefined}>
          {name(lang)} — {t('alignment.splitAt')}:{' '}
          <output htmlFor={id}>{at[lang] < list.length ? t('alignment.splitAtWord', { word: list[at[lang]]!.text, n: at[lang] + 1, total: list.length }) : t('alignment.splitEnd', { lang: name(lang) })}</output>
        </label>
        <input
          id={id}
          type="range"
          min={0}
          max={list.length}
          step={1}
          value={at[lang]}
          disabled={list.length === 0}
          {...(lang === 'en' ? { 'data-autofocus': true } : {})}
          onChange={(e) => {
            setAt((a) => ({ ...a, [lang]: Number(e.target.value) }));
            setError(undefined);
          }}
        />
        <p className="split-preview">
          <span className="split-part">
            <span className="visually-hidden">{t('alignment.splitFirst')}: </span>
            {first || '∅'}
          </span>
          <span className="split-mark" aria-hidden="true">
            {' ‖ '}
          </span>
          <span className="split-part">
            <span className="visually-hidden">{t('alignment.splitSecond')}: </span>
            {second || '∅'}
          </span>
        </p>
      </div>
    );
  };
  return (
    <Dialog title={t('alignment.splitTitle')} onClose={onClose} className="split-dialog">
      <form
        className="dialog-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return setError(t('alignment.splitInvalid'));
          const en = splitPoint(row, 'en', at.en);
          const ru = splitPoint(row, 'ru', at.ru);
          const cuts = [en.cut, ru.cut].filter((c): c is SplitCut => c !== undefined);
          onSplit({ en: en.count, ru: ru.count, cuts }).then(onClose, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
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
