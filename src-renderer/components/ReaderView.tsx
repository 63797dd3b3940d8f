import { useTranslation } from 'react-i18next';
import type { DocumentView, ParagraphGroup, ParagraphKind } from '../../src-main/contract/ipc';
import { ClauseRow } from './ClauseRow';



interface Part {
  kind: ParagraphKind;
  groups: ParagraphGroup[];
}

/** Consecutive paragraphs of one kind form a part (preamble, operative paragraphs, body). */
export function partsOf(groups: readonly ParagraphGroup[]): Part[] {
  const parts: Part[] = [];
  for (const group of groups) {
    if (group.kind === 'title') continue;
    const last = parts.at(-1);
    if (last && last.kind === group.kind) last.groups.push(group);
    else parts.push({ kind: group.kind, groups: [group] });
  }
  return parts;
}

/** The aligned text: English | Russian, one row per aligned group of clauses. */
export function ReaderView({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const parts = partsOf(doc.body.groups);
  return (
    <div className="reader">
      <div className="column-heads">
        <span className="column-head">{t('reader.columnEnglish')}</span>
        <span className="column-head">{t('reader.columnRussian')}</span>
      </div>
      {parts.map((part, index) => (
        <section key={index} className={`part part-${part.kind}`} aria-labelledby={`part-${index}`}>
          <h2 id={`part-${index}`} className="part-heading">
            {t(`reader.parts.${part.kind}`)}
          </h2>
          {part.groups.map((group) => (
              <section
                key={group.number}
                className={`paragraph paragraph-${group.kind}`}
                data-paragraph={group.number}
                aria-labelledby={`paragraph-${group.number}`}
              >
                <div className="paragraph-number" id={`paragraph-${group.number}`}>
                  <span className="visually-hidden">{t('reader.paragraphLabel')} </span>
                  {group.number}
                </div>
                <div className="paragraph-rows">
                  {group.rows.map((row) => (
                    <ClauseRow key={row.id} row={row} />
                  ))}
                </div>
              </section>
          ))}
        </section>
      ))}
    </div>
  );
}
