import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_LIMITS } from '../../src-main/contract/limits';
import type { GlossaryScope } from '../../src-main/contract/compare';
import { expectOk, getApi } from '../api';
import { useCompare } from '../compare/model';
import { useReader } from '../reader/context';
import type { GlossaryTermDraft } from '../state/reader-state';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Add a term pair to the glossary (pre-filled from a selection), or edit one. */
export function GlossaryEditor({ draft }: { draft: GlossaryTermDraft }) {
  const { t } = useTranslation();
  const app = useReader();
  const model = useCompare();
  const [en, setEn] = useState(draft.en);
  const [ru, setRu] = useState(draft.ru);
  const [note, setNote] = useState(draft.note ?? '');
  const [scope, setScope] = useState<GlossaryScope>(draft.scope ?? 'document');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const editing = draft.id !== undefined;
  const close = () => app.close();
  // The focus goes to the side still to type (both filled: the English term, to check it).
  const first: 'en' | 'ru' = draft.en.trim() !== '' && draft.ru.trim() === '' ? 'ru' : 'en';

  const save = async () => {
    if (saving) return;
    if (en.trim() === '' || ru.trim() === '') return setError(t('glossary.bothNeeded'));
    setSaving(true);
    const entry = { en: en.trim(), ru: ru.trim(), ...(note.trim() ? { note: note.trim() } : {}) };
    try {
      const documentId = model.documentId;
      if (draft.id) await expectOk(getApi().updateGlossaryTerm({ documentId, scope, id: draft.id, entry }));
      else await expectOk(getApi().addGlossaryTerm({ documentId, scope, entry }));
      close();
      // The panel shows the glossary the term went to (a term added to all documents from this
      // document's list seemed to vanish).
      model.showGlossaryScope(scope);
      app.say(t(editing ? 'glossary.updated' : 'glossary.added', { en: entry.en, ru: entry.ru }));
      void model.glossaryChanged();
    } catch (e) {
      setSaving(false);
      setError(t('glossary.saveFailed', { reason: message(e) }));
    }
  };

  return (
    <Dialog title={t(editing ? 'glossary.editTitle' : 'glossary.addTitle')} onClose={close} className="glossary-editor" unsaved={en !== draft.en || ru !== draft.ru || note !== (draft.note ?? '')} {...(editing ? {} : { describedBy: "glossary-editor-hint" })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        {!editing && (
          <p id="glossary-editor-hint" className="panel-hint">
            {t('glossary.selectionHint')}
          </p>
        )}
        <label className="editor-field">
          <span>{t('glossary.english')}</span>
          <input type="text" lang="en" value={en} maxLength={COMPARE_LIMITS.term} required data-autofocus={first === 'en' ? true : undefined} onChange={(e) => setEn(e.target.value)} />
        </label>
        <label className="editor-field">
          <span>{t('glossary.russian')}</span>
          <input type="text" lang="ru" value={ru} maxLength={COMPARE_LIMITS.term} required data-autofocus={first === 'ru' ? true : undefined} onChange={(e) => setRu(e.target.value)} />
        </label>
        <label className="editor-field">
          <span>{t('glossary.note')}</span>
          <input type="text" value={note} maxLength={COMPARE_LIMITS.note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {!editing && (
          <fieldset className="glossary-scope">
            <legend>{t('glossary.scope')}</legend>
            {(['document', 'global'] as const).map((s) => (
              <label key={s} className="editor-check">
                <input type="radio" name="glossary-editor-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
                <span>{t(`glossary.scopes.${s}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
        <FormFooter error={error} onCancel={close} busy={saving} submitLabel={t(editing ? 'common.save' : 'glossary.add')} />
      </form>
    </Dialog>
  );
}
