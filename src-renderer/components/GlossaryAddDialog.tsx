import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryScope } from '../../src-main/contract/compare';
import { expectOk, getApi } from '../api';
import { compareOf } from '../compare/model';
import { useReader } from '../reader/context';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

/**
 * Confirms a term pair before it goes into a glossary (this document's, or the one for every
 * document): both terms can be put in their dictionary form first. Saved through `glossary:add`;
 * the term links are fetched again, since glossary terms are linked first.
 */
export function GlossaryAddDialog({ en: initialEn, ru: initialRu, onClose }: { en: string; ru: string; onClose: () => void }) {
  const { t } = useTranslation();
  const app = useReader();
  const [en, setEn] = useState(initialEn);
  const [ru, setRu] = useState(initialRu);
  const [scope, setScope] = useState<GlossaryScope>('document');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const empty = !en.trim() || !ru.trim();
  return (
    <Dialog title={t('glossaryAdd.title')} onClose={onClose} className="glossary-add-dialog" describedBy="glossary-add-intro">
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (empty) return setError(t('glossaryAdd.empty'));
          setSaving(true);
          setError(undefined);
          try {
            await expectOk(getApi().addGlossaryTerm({ documentId: app.doc.manifest.id, scope, entry: { en: en.trim(), ru: ru.trim() } }));
            onClose();
            app.links?.invalidate();
            // The Glossary panel, the term marks and the checks follow the new term too.
            void compareOf(app).glossaryChanged();
            app.say(t('glossaryAdd.added', { en: en.trim(), ru: ru.trim() }));
          } catch (err) {
            setError(t('glossaryAdd.failed', { reason: err instanceof Error ? err.message : String(err) }));
            setSaving(false);
          }
        }}
      >
        <p id="glossary-add-intro">{t('glossaryAdd.intro')}</p>
        <div className="glossary-add-fields">
          <label htmlFor="glossary-add-en">{t('glossaryAdd.en')}</label>
          <input id="glossary-add-en" lang="en" data-autofocus value={en} maxLength={300} onChange={(e) => setEn(e.target.value)} />
          <label htmlFor="glossary-add-ru">{t('glossaryAdd.ru')}</label>
          <input id="glossary-add-ru" lang="ru" value={ru} maxLength={300} onChange={(e) => setRu(e.target.value)} />
        </div>
        <fieldset className="glossary-add-scope">
          <legend>{t('glossaryAdd.scope')}</legend>
          {(['document', 'global'] as const).map((s) => (
            <label key={s} className="search-option">
              <input type="radio" name="glossary-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {t(`glossaryAdd.scopes.${s}`)}
            </label>
          ))}
        </fieldset>
        <FormFooter error={error} onCancel={onClose} submitLabel={t('glossaryAdd.add')} submitDisabled={saving} />
      </form>
    </Dialog>
  );
}
