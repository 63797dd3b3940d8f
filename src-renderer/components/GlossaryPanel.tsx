import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_LIMITS } from '../../src-main/contract/limits';
import { GLOSSARY_FORMATS, type GlossaryImportError } from '../../src-main/contract/enums';
import type { GlossaryEntry, GlossaryFormat, GlossaryImportReport, GlossaryScope } from '../../src-main/contract/compare';
import { ApiError, expectOk, getApi } from '../api';
import { glossaryFileText } from '../compare/glossary-file';
import { openGlossaryEditor } from '../compare/actions';
import { filterTerms } from '../compare/checks';
import { useCompare, useCompareState } from '../compare/model';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { useReader } from '../reader/context';
import { moveInList } from '../reader/list-keys';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The glossary: this document's term pairs and those for all documents; add, edit, delete (with
 * undo), import CSV/TSV/TBX and export. Changes refresh the term marks and the checks.
 */
export function GlossaryPanel() {
  const { t } = useTranslation();
  const app = useReader();
  const model = useCompare();
  const glossary = useCompareState((s) => s.glossary);
  const scope = useCompareState((s) => s.glossaryScope);
  const setScope = (next: GlossaryScope) => model.showGlossaryScope(next);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>();
  const [deleted, setDeleted] = useState<{ entry: GlossaryEntry; scope: GlossaryScope } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  const close = () => app.dispatch({ type: 'close-panel' });
  const documentId = model.documentId;
  const view = glossary.value;
  const entries = view ? view[scope] : [];
  const shown = filterTerms(entries, filter).sort((a, b) => a.en.localeCompare(b.en, 'en') || a.ru.localeCompare(b.ru, 'ru'));

  const remove = async (entry: GlossaryEntry) => {
    try {
      const gone = await expectOk(getApi().deleteGlossaryTerm({ documentId, scope, id: entry.id }));
      setDeleted({ entry: gone, scope });
      setStatus({ text: t('glossary.deleted', { en: gone.en, ru: gone.ru }) });
      await model.glossaryChanged();
    } catch (e) {
      setStatus({ text: t('glossary.deleteFailed', { reason: message(e) }), error: true });
    }
  };
  // The deleted term's buttons are gone: the focus goes to Undo, which takes their place.
  useLayoutEffect(() => {
    if (deleted) ref.current?.querySelector<HTMLElement>('.glossary-undo')?.focus();
  }, [deleted]);
  const restored = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const id = restored.current;
    if (!view || !id) return;
    const edit = ref.current?.querySelector<HTMLElement>(`[data-term-id="${CSS.escape(id)}"] [data-term-edit]`);
    if (!edit) return;
    // Only from where undo left it (Add a term…): a reader who moved on meanwhile keeps their place.
    if (document.activeElement === ref.current?.querySelector('[data-autofocus]')) edit.focus();
    restored.current = undefined;
  }, [view]);
  const undo = async () => {
    if (!deleted) return;
    const { entry, scope: from } = deleted;
    try {
      const back = await expectOk(getApi().addGlossaryTerm({ documentId, scope: from, entry: { en: entry.en, ru: entry.ru, ...(entry.note ? { note: entry.note } : {}) } }));
      setDeleted(undefined);
      setStatus({ text: t('glossary.restored', { en: entry.en, ru: entry.ru }) });
      ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
      // Once the list shows it again, the focus goes to the restored term (its Edit button).
      restored.current = back.id;
      await model.glossaryChanged();
    } catch (e) {
      setStatus({ text: t('glossary.saveFailed', { reason: message(e) }), error: true });
    }
  };
  const importFile = async (file: File) => {
    if (file.size > COMPARE_LIMITS.glossaryFile) return setStatus({ text: t('glossary.tooLarge', { name: file.name }), error: true });
    /** Why the file was refused, in the interface's language. */
    const why = (reason: GlossaryImportError | 'not-text', params: Record<string, string | number> = {}) => t(`glossary.importErrors.${reason}`, params);
    const read = glossaryFileText(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setStatus({ text: t('glossary.importFailed', { name: file.name, reason: why(read.reason) }), error: true });
    try {
      const report: GlossaryImportReport = await expectOk(getApi().importGlossary({ documentId, scope, name: file.name, content: read.text }));
      const problems = report.problems.slice(0, 5).map((p) => t('glossary.problem', { at: p.at, reason: t(`glossary.problems.${p.reason}`) }));
      setStatus({
        text: [t('glossary.imported', { count: report.added, known: report.known }), report.problems.length > 0 ? t('glossary.skipped', { count: report.problems.length }) : '', ...problems]
          .filter(Boolean)
          .join(' '),
      });
      await model.glossaryChanged();
    } catch (e) {
      // Main names why it refused the file (a code): said in the interface's language.
      const reason = e instanceof ApiError && e.details?.glossaryReason ? why(e.details.glossaryReason, e.details.params) : message(e);
      setStatus({ text: t('glossary.importFailed', { name: file.name, reason }), error: true });
    }
  };
  // Down and Up through the terms (their Edit buttons; from a Delete button too), as in the checks
  // and the concordance; Down from the filter field goes to the first term, Up from it back.
  const onListKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const panel = ref.current;
    if (!panel) return;
    const items = [...panel.querySelectorAll<HTMLElement>('.glossary-entry [data-term-edit]')];
    const active = document.activeElement;
    const sibling = active instanceof HTMLElement && active.closest('.glossary-actions') ? active.closest('.glossary-entry')?.querySelector<HTMLElement>('[data-term-edit]') : undefined;
    if (sibling && sibling !== active && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      // From a Delete button: the step counts from its own term's Edit button.
      const i = items.indexOf(sibling);
      const next = e.key === 'ArrowDown' ? items[Math.min(items.length - 1, i + 1)] : i === 0 ? panel.querySelector<HTMLElement>('#glossary-filter') : items[i - 1];
      if (next) {
        e.preventDefault();
        next.focus();
        next.scrollIntoView({ block: 'nearest' });
      }
      return;
    }
    if (moveInList(e.key, items, panel.querySelector<HTMLElement>('#glossary-filter'))) e.preventDefault();
  };
  const exportAs = async (format: GlossaryFormat) => {
    try {
      const result = await expectOk(getApi().exportGlossary({ documentId, scope, format }));
      if (result.saved) app.say(t('glossary.exported', { path: result.path ?? '' }));
    } catch (e) {
      setStatus({ text: t('glossary.exportFailed', { reason: message(e) }), error: true });
    }
  };

  return (
    <aside
      ref={ref}
      id="glossary-panel"
      className="side-panel glossary-panel"
      aria-labelledby="glossary-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else onListKey(e);
      }}
    >
      <div className="panel-head">
        <h2 id="glossary-title" className="panel-title" tabIndex={-1}>
          {t('glossary.title')}
        </h2>
        <button type="button" className="tool-button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
      <fieldset className="glossary-scope">
        <legend className="visually-hidden">{t('glossary.scope')}</legend>
        {(['document', 'global'] as const).map((s) => (
          <label key={s} className="editor-check">
            <input type="radio" name="glossary-panel-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            <span>
              {t(`glossary.scopes.${s}`)} ({view ? view[s].length : '…'})
            </span>
          </label>
        ))}
      </fieldset>
      <div className="glossary-tools">
        <button type="button" className="tool-button primary" data-autofocus onClick={() => openGlossaryEditor(app, { en: '', ru: '', scope })}>
          {t('glossary.addButton')}
        </button>
        <div className="filter-field filter-text">
          <label htmlFor="glossary-filter">{t('glossary.filter')}</label>
          <input id="glossary-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {glossary.status === 'loading' && !view && (
        <p className="panel-hint" role="status">
          {t('glossary.loading')}
        </p>
      )}
      {glossary.status === 'error' && (
        <div className="checks-error" role="alert">
          <p>{t('glossary.loadFailed', { reason: glossary.error })}</p>
          <button type="button" className="tool-button" onClick={() => void model.reloadGlossary()}>
            {t('checks.retry')}
          </button>
        </div>
      )}
      {view && view.warnings.length > 0 && (
        <p className="inline-error" role="alert">
          {t('glossary.warnings', { count: view.warnings.length })} {view.warnings.join(' ')}
        </p>
      )}
      <p className={`glossary-status${status?.error ? ' is-error' : ''}`} role="status">
        {status?.text}
        {deleted && (
          <>
            {' '}
            <button type="button" className="tool-button glossary-undo" onClick={() => void undo()}>
              {t('glossary.undo')}
            </button>
          </>
        )}
      </p>
      {view && entries.length === 0 && <p className="panel-hint">{t(`glossary.empty.${scope}`)}</p>}
      {view && entries.length > 0 && (
        <p className="panel-hint">{filter.trim() ? t('glossary.countShown', { count: shown.length, total: entries.length }) : t('glossary.count', { count: entries.length })}</p>
      )}
      <ul className="glossary-list">
        {shown.map((entry) => (
          <li key={entry.id} className="glossary-entry" data-term-id={entry.id}>
            <div className="glossary-pair">
              <span lang="en" className="glossary-en">
                {entry.en}
              </span>
              <span aria-hidden="true" className="glossary-eq">
                =
              </span>
              <span className="visually-hidden"> — </span>
              <span lang="ru" className="glossary-ru">
                {entry.ru}
              </span>
            </div>
            {entry.note && <p className="glossary-note">{entry.note}</p>}
            <div className="glossary-actions">
              <button
                type="button"
                className="tool-button"
                data-term-edit
                aria-label={`${t('glossary.edit')}: ${entry.en} — ${entry.ru}`}
                onClick={() => openGlossaryEditor(app, { en: entry.en, ru: entry.ru, ...(entry.note ? { note: entry.note } : {}), scope, id: entry.id })}
              >
                {t('glossary.edit')}
              </button>
              <button type="button" className="tool-button" aria-label={`${t('glossary.delete')}: ${entry.en} — ${entry.ru}`} onClick={() => void remove(entry)}>
                {t('glossary.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="glossary-io">
        <button type="button" className="tool-button" onClick={() => fileInput.current?.click()}>
          {t('glossary.import')}
        </button>
        {GLOSSARY_FORMATS.map((format) => (
          <button key={format} type="button" className="tool-button" disabled={entries.length === 0} onClick={() => void exportAs(format)}>
            {t('glossary.exportAs', { format: format.toUpperCase() })}
          </button>
        ))}
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.tbx,.tab,.txt,.xml,text/csv,text/tab-separated-values,application/x-tbx+xml"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('glossary.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </aside>
  );
}
