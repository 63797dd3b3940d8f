import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePanelFocus } from '../hooks/usePanelFocus';
import type { Lang, ParagraphKind } from '../../src-main/contract/ipc';
import type { RowEntry } from '../reader/model';

/** First words of a paragraph, for the table of contents. */
export function openingWords(text: string, words = 6): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ');
}

/** Table of contents: parts and numbered paragraphs, each opening with its first words. */
export function ContentsPanel({
  entries,
  lang,
  currentParagraph,
  onJump,
  onClose,
}: {
  entries: readonly RowEntry[];
  lang: Lang;
  currentParagraph: number | undefined;
  onJump: (rowIndex: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  const parts: Array<{ kind: ParagraphKind; items: RowEntry[] }> = [];
  for (const entry of entries) {
    if (!entry.firstInGroup) continue;
    if (entry.partStart || parts.length === 0) parts.push({ kind: entry.group.kind, items: [] });
    parts.at(-1)!.items.push(entry);
  }
  return (
    <nav ref={ref} id="contents-panel" className="side-panel contents-panel" aria-label={t('contents.label')}>
      <div className="panel-head">
        <h2 className="panel-title" tabIndex={-1}>{t("contents.title")}</h2>
        <button type="button" className="tool-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {parts.map((part, i) => (
        <div key={i} className="contents-part">
          <h3 className="contents-part-title">{t(`reader.parts.${part.kind}`)}</h3>
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
