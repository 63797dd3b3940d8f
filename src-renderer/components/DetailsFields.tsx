import { useTranslation } from 'react-i18next';
import { DETAIL_FIELDS } from '../../src-main/contract/enums';
import type { DetailValues } from '../details';

/** The fields of a document's details (author, date of the text, source, translator); blank = unknown. */
export function DetailsFields({ values, onChange, disabled = false }: { values: DetailValues; onChange: (values: DetailValues) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="details-fields" disabled={disabled}>
      <legend>{t('details.legend')}</legend>
      <p className="panel-hint">{t('details.hint')}</p>
      {DETAIL_FIELDS.map((field) => (
        <label key={field} className="editor-field">
          <span>{t(`details.fields.${field}`)}</span>
          <input value={values[field]} maxLength={300} placeholder={t(`details.placeholders.${field}`)} onChange={(e) => onChange({ ...values, [field]: e.target.value })} />
        </label>
      ))}
    </fieldset>
  );
}
