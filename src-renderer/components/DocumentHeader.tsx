import { useTranslation } from 'react-i18next';
import type { DocumentView, UiLanguage } from '../../src-main/contract/ipc';
import { knownDetails } from '../details';
import { formatIsoDate } from '../format';

/**
 * Title in both languages, date and place, and what the reader should know about the texts. The
 * row count is main's (`stats.rows`, the same the library shows): the rows of the text, not the
 * title, which is this heading.
 */
export function DocumentHeader({ doc, groupsInDocument }: { doc: DocumentView; groupsInDocument?: number }) {
  const { manifest } = doc;
  // The text's own title paragraph when it has one (it may differ from the name in the library).
  const titleGroup = doc.body.groups.find((g) => g.kind === 'title');
  const titleText = (lang: 'en' | 'ru') =>
    titleGroup ? titleGroup.rows.flatMap((r) => r[lang].map((c) => c.text)).join(' ') || manifest.title[lang] : manifest.title[lang];
  // While only the first rows of a long document are here, main's count of its groups.
  const bodyParagraphs = groupsInDocument === undefined ? doc.body.groups.filter((g) => g.kind !== 'title').length : groupsInDocument - (titleGroup ? 1 : 0);
  return (
    <header className="document-header">
      <h1 id="document-title" className="document-title">
        <span className="document-title-en" lang="en">
          {titleText('en')}
        </span>
        <span className="document-title-ru" lang="ru">
          {titleText('ru')}
        </span>
      </h1>
      {manifest.details ? (
        <ImportedMeta doc={doc} paragraphs={bodyParagraphs} />
      ) : (
        <BundledMeta doc={doc} paragraphs={bodyParagraphs} />
      )}
    </header>
  );
}

/**
 * An imported document: only the details known (author, date of the text, source, translator),
 * never a placeholder and never the day of the import.
 */
function ImportedMeta({ doc, paragraphs }: { doc: DocumentView; paragraphs: number }) {
  const { t } = useTranslation();
  const known = knownDetails(doc.manifest.details);
  return (
    <>
      <p className="document-meta">
        {known.map(({ field, value }) => (
          <span key={field} className={`document-detail detail-${field}`}>
            {field === 'translator' ? t('details.translatedBy', { name: value }) : value}
            <span aria-hidden="true"> · </span>
          </span>
        ))}
        <span>{t('document.paragraphs', { count: paragraphs })}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('document.rows', { count: doc.stats.rows })}</span>
      </p>
      {known.length > 0 && (
        <details className="document-about">
          <summary>{t('details.about')}</summary>
          <dl>
            {known.map(({ field, value }) => (
              <div key={field} className="document-about-item">
                <dt>{t(`details.fields.${field}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </>
  );
}

/** The bundled documents: their date and place, the translation note, their source. */
function BundledMeta({ doc, paragraphs: bodyParagraphs }: { doc: DocumentView; paragraphs: number }) {
  const { t, i18n } = useTranslation();
  const ui = (i18n.language === 'ru' ? 'ru' : 'en') as UiLanguage;
  const { manifest } = doc;
  return (
    <>
      <p className="document-meta">
        <time dateTime={manifest.date}>{formatIsoDate(manifest.date, ui)}</time>
        <span aria-hidden="true"> · </span>
        <span>{manifest.place[ui]}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('document.paragraphs', { count: bodyParagraphs })}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('document.rows', { count: doc.stats.rows })}</span>
      </p>
      <p className="translation-note" role="note">
        <span className="translation-note-badge">{t('document.translationBadge')}</span> {manifest.translation[ui]}
      </p>
      <details className="document-about">
        <summary>{t('document.aboutTexts')}</summary>
        <dl>
          <dt>{t('document.source')}</dt>
          <dd>{manifest.source[ui]}</dd>
          {manifest.notes && (
            <>
              <dt>{t('document.notes')}</dt>
              <dd>{manifest.notes[ui]}</dd>
            </>
          )}
        </dl>
      </details>
    </>
  );
}
