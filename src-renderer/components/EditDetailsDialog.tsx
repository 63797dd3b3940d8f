import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetails, LibraryEntry, LocalizedText } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { detailsOf, valuesOf } from '../details';
import { DetailsFields } from './DetailsFields';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

/** An imported document's title (both languages) and details, edited and saved together. */
export function EditDetailsDialog({
  id,
  title,
  details,
  onSaved,
  onClose,
}: {
  id: string;
  title: LocalizedText;
  details: DocumentDetails | undefined;
  onSaved: (entry: LibraryEntry) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [en, setEn] = useState(title.en);
  const [ru, setRu] = useState(title.ru);
  const [values, setValues] = useState(() => valuesOf(details));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [initial] = useState(() => JSON.stringify(valuesOf(details)));
  const unsaved = en !== title.en || ru !== title.ru || JSON.stringify(values) !== initial;
  return (
    <Dialog title={t('details.title')} onClose={onClose} className="details-dialog" unsaved={unsaved}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (saving) return;
          setSaving(true);
          setError(undefined);
          expectOk(getApi().setDocumentDetails({ id, title: { en: en.trim(), ru: ru.trim() }, details: detailsOf(values) }))
            .then(onSaved)
            .catch((err: unknown) => setError(t('details.saveFailed', { reason: err instanceof Error ? err.message : String(err) })))
            .finally(() => setSaving(false));
        }}
      >
        <label className="editor-field">
          <span>{t('library.titleEn')}</span>
          <input value={en} required maxLength={300} lang="en" onChange={(e) => setEn(e.target.value)} />
        </label>
        <label className="editor-field">
          <span>{t('library.titleRu')}</span>
          <input value={ru} required maxLength={300} lang="ru" onChange={(e) => setRu(e.target.value)} />
        </label>
        <DetailsFields values={values} onChange={setValues} />
        <FormFooter error={error} onCancel={onClose} busy={saving} />
      </form>
    </Dialog>
  );
}
