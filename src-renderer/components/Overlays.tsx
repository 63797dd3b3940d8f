import { useTranslation } from 'react-i18next';
// Dialogs typed into right after their key (Go to, the palette, the note and glossary editors) are in
// the first bundle: keys typed before a lazy chunk arrived would be lost.
import { AnnotationEditor, type EditorValue } from './AnnotationEditor';
import { CommandPalette } from './CommandPalette';
import { GlossaryEditor } from './GlossaryEditor';
import { GoToDialog } from './GoToDialog';
import { lazyView } from '../lazy';
import { expectOk, getApi } from '../api';
import { useReader, useReaderState } from '../reader/context';
import { rowText } from '../reader/model';
import { quoteOf } from '../reader/quote';

const DictionariesDialog = lazyView(() => import('./DictionariesDialog').then((m) => m.DictionariesDialog));
const EditDetailsDialog = lazyView(() => import('./EditDetailsDialog').then((m) => m.EditDetailsDialog));
const LookupPopup = lazyView(() => import('./LookupPopup').then((m) => m.LookupPopup));
const PrintDialog = lazyView(() => import('./PrintDialog').then((m) => m.PrintDialog));

// The overlays, each its own chunk outside the first bundle (see lazy.tsx); add new ones the same way.
const ClauseMenu = lazyView(() => import('./ClauseMenu').then((m) => m.ClauseMenu));
const HelpDialog = lazyView(() => import('./HelpDialog').then((m) => m.HelpDialog));
const SplitDialog = lazyView(() => import('./SplitDialog').then((m) => m.SplitDialog));
// The source's own footnotes (issue 12): the popup at a footnote's mark.
const FootnotePopup = lazyView(() => import('./FootnotePopup').then((m) => m.FootnotePopup));

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The one overlay open now (from the state): a dialog, the palette or the clause menu. */
export function Overlays() {
  const { t } = useTranslation();
  const app = useReader();
  const overlay = useReaderState((s) => s.overlay);
  const lastColor = useReaderState((s) => s.lastColor);
  const close = () => app.close();
  if (!overlay) return null;
  // A note editor closes before its save returns; a failed save reopens it with the text typed.
  const noteFailed = (value: EditorValue, error: string) => {
    const open = overlay.kind === 'new-text-note' || overlay.kind === 'new-row-note' || overlay.kind === 'edit-note';
    if (open && app.state.overlay === undefined) app.open({ ...overlay, draft: { value, error } });
    else app.say(`${t('annotations.saveFailed')} ${error}`);
  };
  switch (overlay.kind) {
    case 'help':
      return <HelpDialog />;
    case 'palette':
      return <CommandPalette />;
    case 'goto':
      return (
        <GoToDialog
          max={app.paragraphs.at(-1)?.group.number ?? 1}
          onClose={close}
          onGo={(n) => {
            close();
            app.goToParagraph(n);
          }}
        />
      );
    case 'menu':
      return <ClauseMenu target={overlay.target} at={overlay.at} />;
    case 'split': {
      const entry = app.entries[overlay.rowIndex];
      if (!entry) return null;
      return (
        <SplitDialog
          row={entry.row}
          onClose={close}
          onSplit={async ({ en, ru, cuts }) => {
            close();
            // The focus back in the column the split was asked from (the dialog held it meanwhile).
            await app.apply({ op: 'split', rowId: entry.row.id, en, ru, ...(cuts.length > 0 ? { cuts } : {}) }, entry.index, { lang: overlay.lang });
          }}
        />
      );
    }
    case 'new-text-note':
      return (
        <AnnotationEditor
          title={t('annotations.newNote')}
          quote={{ text: overlay.selection.text, lang: overlay.selection.lang }}
          initial={overlay.draft?.value ?? { color: lastColor, note: '', tags: [] }}
          {...(overlay.draft ? { initialError: overlay.draft.error } : {})}
          onSaveFailed={noteFailed}
          onClose={close}
          onSave={(value: EditorValue) => app.saveTextNote(overlay.selection, value)}
        />
      );
    case 'new-row-note': {
      const entry = app.entries[overlay.rowIndex];
      if (!entry) return null;
      return (
        <AnnotationEditor
          title={t('annotations.newRowNote', { number: entry.group.number })}
          quote={{ text: `${shorten(rowText(entry.row, 'en'))} / ${shorten(rowText(entry.row, 'ru'))}` }}
          initial={overlay.draft?.value ?? { color: 'blue', note: '', tags: [] }}
          {...(overlay.draft ? { initialError: overlay.draft.error } : {})}
          onSaveFailed={noteFailed}
          onClose={close}
          onSave={(value: EditorValue) => app.saveRowNote(overlay.rowIndex, value)}
        />
      );
    }
    // Dictionaries, print and the document's details (issue 12).
    case 'lookup':
      return <LookupPopup key={`${overlay.target.clauseId}:${overlay.target.offset}`} target={overlay.target} />;
    case 'dictionaries':
      return <DictionariesDialog onClose={close} />;
    case 'print':
      return (
        <PrintDialog
          documentId={app.doc.manifest.id}
          notes={app.annotations.annotations.filter((a) => a.kind === 'note').length}
          bookFootnotes={app.doc.footnotes?.length ?? 0}
          onClose={close}
        />
      );
    case 'details':
      return (
        <EditDetailsDialog
          id={app.doc.manifest.id}
          title={app.doc.manifest.title}
          details={app.doc.manifest.details}
          onClose={close}
          onSaved={() => {
            close();
            // The header shows the saved details: the document as main now has it.
            void expectOk(getApi().openDocument({ id: app.doc.manifest.id })).then((doc) => app.documentChanged(doc));
            app.say(t('library.detailsSaved'));
          }}
        />
      );
    case 'glossary-term':
      return <GlossaryEditor draft={overlay.draft} />;
    case 'footnote':
      return <FootnotePopup key={overlay.index} index={overlay.index} />;
    case 'edit-note': {
      const annotation = app.annotations.annotations.find((a) => a.id === overlay.annotationId);
      if (!annotation) return null;
      const selection = overlay.selection;
      return (
        <AnnotationEditor
          title={t('annotations.editTitle')}
          quote={{ text: quoteOf(annotation), ...(annotation.target.type === 'text' ? { lang: annotation.target.lang } : {}) }}
          initial={overlay.draft?.value ?? { color: annotation.color, note: annotation.note, tags: annotation.tags }}
          {...(overlay.draft ? { initialError: overlay.draft.error } : {})}
          onSaveFailed={noteFailed}
          {...(annotation.anchor.status === 'orphan' && selection ? { reattachLabel: t('annotations.reattach', { text: selection.text }) } : {})}
          onClose={close}
          onSave={async (value: EditorValue) => {
            const s = value.reattach ? selection : undefined;
            await app.annotations.update(annotation.id, {
              color: value.color,
              note: value.note,
              tags: value.tags,
              ...(s ? { selection: { type: 'text' as const, lang: s.lang, start: s.start, end: s.end } } : {}),
            });
            app.say(t('annotations.saved'));
          }}
        />
      );
    }
  }
}
