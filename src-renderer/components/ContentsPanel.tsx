import { type RefObject, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePanelFocus } from '../hooks/usePanelFocus';
import type { DocumentChapter, Lang, ParagraphGroup, ParagraphKind } from '../../src-main/contract/ipc';
import { type ChapterRow, chapterRows, currentChapter } from '../reader/chapters';
import type { RowEntry } from '../reader/model';
import { panelListKeys } from '../reader/list-keys';

/** Down and Up go through the contents' entries. */
const onContentsKey = panelListKeys('.contents-item');

/** First words of a paragraph, for the table of contents. */
export function openingWords(text: string, words = 6): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ');
}

/**
 * Table of contents. A document with chapters lists its chapters (headings in both languages, the
 * current one marked); any other lists its parts and numbered paragraphs, each opening with its
 * first words.
 */
export function ContentsPanel({
  entries,
  lang,
  currentParagraph,
  onJump,
  onClose,
  chapters,
  groups,
  currentRow,
}: {
  entries: readonly RowEntry[];
  lang: Lang;
  currentParagraph: number | undefined;
  onJump: (rowIndex: number) => void;
  onClose: () => void;
  /** The document's chapters (`DocumentView.chapters`) and the groups they point into. */
  chapters?: readonly DocumentChapter[];
  groups?: readonly ParagraphGroup[];
  /** The row being read (an index into `entries`). */
  currentRow?: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const rows = useMemo(() => (chapters && groups ? chapterRows(chapters, groups, entries) : []), [chapters, groups, entries]);
  usePanelFocus(ref);
  if (rows.length > 0) {
    return <ChapterList ref={ref} rows={rows} lang={lang} current={currentChapter(rows, currentRow)} onJump={onJump} onClose={onClose} />;
  }
  const parts: Array<{ kind: ParagraphKind; items: RowEntry[] }> = [];
  for (const entry of entries) {
    if (!entry.firstInGroup) continue;
    if (entry.partStart || parts.length === 0) parts.push({ kind: entry.group.kind, items: [] });
    parts.at(-1)!.items.push(entry);
  }
  return (
    <nav ref={ref} id="contents-panel" className="side-panel contents-panel" aria-label={t('contents.label')} onKeyDown={onContentsKey}>
      <div className="panel-head">
        <h2 className="panel-title" tabIndex={-1}>{t("contents.title")}</h2>
        <button type="button" className="tool-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {parts.map((part, i) => (
        <div key={i} className="contents-part">
          {entries.some((e) => e.partStart) && <h3 className="contents-part-title">{t(`reader.parts.${part.kind}`)}</h3>}
          <ol className="contents-list">
            {part.items.map((entry) => {
              const text = entry.row[lang].map((c) => c.text).join(' ') || entry.row[lang === 'en' ? 'ru' : 'en'].map((c) => c.text).join(' ');
              return (
                <li key={entry.group.number}>
                  <button
                    type="button"
                    className="contents-item"
                    aria-current={entry.group.number === currentParagraph ? 'location' : undefined}
                    data-autofocus={entry.group.number === currentParagraph || undefined}
                    onClick={() => onJump(entry.index)}
                  >
                    <span className="contents-number">{entry.group.number}</span>
                    <span lang={lang}>{openingWords(text)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </nav>
  );
}

/** The chapters of a book: the heading in the reading language first, its counterpart under it. */
function ChapterList({
  ref,
  rows,
  lang,
  current,
  onJump,
  onClose,
}: {
  ref: RefObject<HTMLElement | null>;
  rows: readonly ChapterRow[];
  lang: Lang;
  current: number | undefined;
  onJump: (rowIndex: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  return (
    <nav ref={ref} id="contents-panel" className="side-panel contents-panel" aria-label={t('contents.label')} onKeyDown={onContentsKey}>
      <div className="panel-head">
        <h2 className="panel-title" tabIndex={-1}>
          {t('contents.title')}
        </h2>
        <button type="button" className="tool-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <h3 className="contents-part-title">{t('contents.chapters', { count: rows.length })}</h3>
      <ol className="contents-list contents-chapters">
        {rows.map((row, k) => {
          const first = row.chapter[lang] ?? row.chapter[other];
          const firstLang = row.chapter[lang] !== undefined ? lang : other;
          const second = row.chapter[lang] !== undefined ? row.chapter[other] : undefined;
          return (
            <li key={row.chapter.group} className={`contents-chapter contents-level-${Math.min(row.chapter.level, 3)}`}>
              <button
                type="button"
                className="contents-item"
                aria-current={k === current ? 'location' : undefined}
                data-autofocus={k === current || undefined}
                onClick={() => onJump(row.row)}
              >
                <span className="contents-chapter-text">
                  <span lang={firstLang}>{first}</span>
                  {second !== undefined && (
                    <span className="contents-chapter-other" lang={other}>
                      {second}
                    </span>
                  )}
                  {(row.chapter.en === undefined || row.chapter.ru === undefined) && (
                    <span className="contents-chapter-only">{row.chapter.en === undefined ? t('contents.onlyIn.ru') : t('contents.onlyIn.en')}</span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
