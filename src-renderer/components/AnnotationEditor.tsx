import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../src-main/contract/ipc';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

export interface EditorValue {
  color: AnnotationColor;
  note: string;
  tags: string[];
  /** Re-attach (an orphan) to the text selected when the editor opened. */
  reattach?: boolean;
}

/** Tags as the reader types them: separated by commas (spaces stay inside a tag). */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim().replace(/^#/, ''))
    .filter((t) => t !== '');
}

/** Add or edit an annotation: colour, note (line breaks kept) and tags. */
export function AnnotationEditor({
  title,
  quote,
  initial,
  reattachLabel,
  initialError,
  onSave,
  onSaveFailed,
  onClose,
}: {
  /** Offers re-attaching to the current selection when set. */
  reattachLabel?: string;
  title: string;
  /** What the annotation is on, shown for context. */
  quote: { text: string; lang?: string };
  initial: EditorValue;
  /** Why the last save failed (the editor reopened with what was typed). */
  initialError?: string;
  /** Runs after the editor has closed: a key pressed meanwhile reaches the reader, not a closing dialog. */
  onSave: (value: EditorValue) => Promise<void>;
  /** The save failed after the editor closed: reopen it with `value` and the reason. */
  onSaveFailed: (value: EditorValue, error: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [color, setColor] = useState(initial.color);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const error = initialError;
  const [reattach, setReattach] = useState(initial.reattach ?? false);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="annotation-editor"
      unsaved={note !== initial.note || tags !== initial.tags.join(', ') || color !== initial.color || initialError !== undefined}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const value = { color, note, tags: parseTags(tags), reattach };
          // Close at once; the save goes on and, should it fail, the editor comes back with the text.
          onClose();
          onSave(value).catch((err: unknown) => onSaveFailed(value, err instanceof Error ? err.message : String(err)));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <blockquote className="editor-quote" lang={quote.lang}>
          {quote.text}
        </blockquote>
        <fieldset className="color-picker">
          <legend>{t('annotations.color')}</legend>
          {ANNOTATION_COLORS.map((c) => (
            <label key={c} className={`color-swatch swatch-${c}`}>
              <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} />
              <span>{t(`annotations.colors.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="editor-field">
          <span>{t('annotations.note')}</span>
          <textarea value={note} rows={6} data-autofocus onChange={(e) => setNote(e.target.value)} />
        </label>
        <label className="editor-field">
          <span>{t('annotations.tags')}</span>
          <input type="text" value={tags} placeholder={t('annotations.tagsPlaceholder')} onChange={(e) => setTags(e.target.value)} />
        </label>
        {reattachLabel && (
          <label className="editor-check">
            <input type="checkbox" checked={reattach} onChange={(e) => setReattach(e.target.checked)} />
            <span>{reattachLabel}</span>
          </label>
        )}
        <FormFooter error={error === undefined ? undefined : `${t('annotations.saveFailed')} ${error}`} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
