import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DICTIONARY_LIMITS, type DictionaryInfo } from '../../src-main/contract/ipc';
import { ApiError, expectOk, getApi } from '../api';
import { toBase64 } from '../files';
import { Dialog } from './Dialog';

/** The files a dictionary comes as: StarDict `.ifo .idx[.gz] .dict[.dz] .syn`, dictd `.index .dict[.dz]`. */
const ACCEPT = '.ifo,.idx,.gz,.syn,.dict,.dz,.index';
const IN_ELECTRON = typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);

type Adding = { state: 'idle' } | { state: 'indexing'; names: string[] };
/** Where the focus goes once the list is shown again: a row's name, or the Add field. */
type Refocus = { to: 'row'; id: string } | { to: 'input' };

/** The focus is nowhere (on the page's body), or on a field that has just been turned off. */
const focusLost = (within: HTMLElement | null) => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || (active as HTMLButtonElement | HTMLInputElement).disabled === true || !within?.contains(active);
};

/** What went wrong, in the reader's language first; main's own words (English) after, for detail. */
function dictionaryErrorText(t: (key: string, options?: Record<string, unknown>) => string, e: unknown): { text: string; detail?: string } {
  if (e instanceof ApiError) {
    const known = ['dictionary-broken', 'dictionary-incomplete', 'unsupported-format', 'too-large', 'not-found', 'unavailable'];
    if (e.code === 'cancelled') return { text: t('dictionaries.cancelled') };
    if (known.includes(e.code)) return { text: t(`dictionaryErrors.${e.code}`), detail: e.message };
  }
  return { text: t('dictionaries.failed'), detail: e instanceof Error ? e.message : String(e) };
}

/**
 * The reader's dictionaries (settings): what is added, with its format, entries and direction;
 * add one (its files together: indexing runs in a worker, with Cancel) or remove one.
 */
export function DictionariesDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<DictionaryInfo[] | undefined>();
  const [adding, setAdding] = useState<Adding>({ state: 'idle' });
  const [error, setError] = useState<{ text: string; detail?: string } | undefined>();
  const [message, setMessage] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const refocus = useRef<Refocus | undefined>(undefined);
  const number = new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB');

  const reload = useCallback(async () => {
    try {
      setList(await expectOk(getApi().listDictionaries()));
    } catch (e) {
      setError(dictionaryErrorText(t, e));
      setList([]);
    }
  }, [t]);
  // The list is set when its answer arrives, not synchronously in the effect.
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect
    void reload();
  }, [reload]);

  const added = async (pending: Promise<DictionaryInfo | undefined>, names: string[]) => {
    setError(undefined);
    setAdding({ state: 'indexing', names });
    try {
      const info = await pending;
      if (info) setMessage(t('dictionaries.added', { name: info.name, count: info.entries }));
      refocus.current = info ? { to: 'row', id: info.id } : { to: 'input' };
    } catch (e) {
      setError(dictionaryErrorText(t, e));
      refocus.current = { to: 'input' };
    } finally {
      setAdding({ state: 'idle' });
      if (input.current) input.current.value = '';
      await reload();
    }
  };

  const addFiles = (files: File[]) => {
    if (files.length === 0) return;
    const tooLarge = files.find((f) => f.size > 50 * 1024 * 1024);
    if (tooLarge) return setError({ text: t('dictionaryErrors.too-large'), detail: tooLarge.name });
    if (files.length > 5) return setError({ text: t('dictionaries.tooManyFiles') });
    void added(
      (async () => expectOk(getApi().addDictionary({ files: await Promise.all(files.map(async (f) => ({ name: f.name, data: await toBase64(f) }))) })))(),
      files.map((f) => f.name),
    );
  };

  const choose = () =>
    void added(
      expectOk(getApi().chooseDictionary()).then((choice) => (choice.cancelled ? undefined : choice.dictionary)),
      [],
    );

  const remove = async (info: DictionaryInfo) => {
    setError(undefined);
    // Its row goes: the focus goes to the next one's name (else the one before, else Add).
    const at = list?.findIndex((d) => d.id === info.id) ?? -1;
    const neighbour = list?.[at + 1] ?? list?.[at - 1];
    try {
      await expectOk(getApi().removeDictionary({ id: info.id }));
      setMessage(t('dictionaries.removed', { name: info.name }));
      refocus.current = neighbour ? { to: 'row', id: neighbour.id } : { to: 'input' };
    } catch (e) {
      setError(dictionaryErrorText(t, e));
    }
    await reload();
  };

  // While a dictionary is indexed its field is turned off: the focus goes to Cancel. Then, once
  // the list is shown again, to the new dictionary's name (or back to Add), never to the page.
  const busy = adding.state === 'indexing';
  useLayoutEffect(() => {
    if (busy) {
      if (focusLost(form.current) || document.activeElement === input.current) cancel.current?.focus();
      return;
    }
    const wanted = refocus.current;
    if (!wanted || !list) return;
    const row = wanted.to === 'row' ? form.current?.querySelector<HTMLElement>(`[data-dictionary-id="${CSS.escape(wanted.id)}"] th`) : null;
    if (wanted.to === 'row' && !row) {
      // Indexed, the list not yet read again: Add holds the focus meanwhile (Cancel is gone).
      if (focusLost(form.current)) input.current?.focus();
      return;
    }
    refocus.current = undefined;
    if (!focusLost(form.current) && document.activeElement !== input.current) return;
    (row ?? input.current)?.focus();
  }, [busy, list, refocus]);

  const direction = (info: DictionaryInfo) => t(`dictionaries.from.${info.from}`);
  return (
    <Dialog title={t('dictionaries.title')} onClose={onClose} className="dictionaries-dialog">
      <div ref={form} className="dialog-form">
        <p className="panel-hint">{t('dictionaries.intro')}</p>
        {list === undefined && <p role="status">{t('status.loading')}</p>}
        {list && list.length === 0 && <p className="dictionaries-empty">{t('dictionaries.none')}</p>}
        {list && list.length > 0 && (
          <table className="dictionaries-table">
            <caption className="visually-hidden">{t('dictionaries.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dictionaries.columns.name')}</th>
                <th scope="col">{t('dictionaries.columns.format')}</th>
                <th scope="col">{t('dictionaries.columns.entries')}</th>
                <th scope="col">{t('dictionaries.columns.direction')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('dictionaries.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((info) => (
                <tr key={info.id} data-dictionary-id={info.id}>
                  <th scope="row" tabIndex={-1}>
                    {info.name}
                    {info.problem && (
                      <span className="field-error dictionary-problem">
                        {t('dictionaries.problem')} {i18n.language === 'en' && <span className="status-detail">{info.problem}</span>}
                      </span>
                    )}
                  </th>
                  <td>{info.problem ? '—' : info.format === 'stardict' ? 'StarDict' : 'dictd'}</td>
                  <td>{info.problem ? '—' : number.format(info.entries)}</td>
                  <td>{info.problem ? '—' : direction(info)}</td>
                  <td>
                    <button type="button" className="tool-button" disabled={busy} aria-label={t('dictionaries.removeNamed', { name: info.name })} onClick={() => void remove(info)}>
                      {t('dictionaries.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <label className="editor-field">
          <span>{t('dictionaries.addLabel')}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            disabled={busy}
            aria-describedby="dictionaries-files-hint"
            onChange={(e) => addFiles([...(e.target.files ?? [])])}
          />
        </label>
        <p id="dictionaries-files-hint" className="panel-hint">
          {t('dictionaries.filesHint', { max: DICTIONARY_LIMITS.entries })}
        </p>
        {IN_ELECTRON && (
          <button type="button" className="tool-button" disabled={busy} onClick={choose}>
            {t('dictionaries.choose')}
          </button>
        )}
        {busy && (
          <div className="import-progress">
            <progress aria-label={t('dictionaries.indexing', { name: adding.names.join(', ') })} />
            <span role="status">{t('dictionaries.indexing', { name: adding.names.join(', ') })}</span>
            <button ref={cancel} type="button" className="tool-button" onClick={() => void getApi().cancelAddDictionary()}>
              {t('dictionaries.cancel')}
            </button>
          </div>
        )}
        {error && (
          <div className="field-error" role="alert">
            <p>{error.text}</p>
            {/* Main's own words are English: shown as detail in the English interface only, so a message is said once, in one language. */}
            {error.detail && i18n.language === 'en' && <p className="status-detail">{error.detail}</p>}
          </div>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        {message && !busy && <p className="dictionaries-message" aria-hidden="true">{message}</p>}
        <div className="editor-actions">
          <button type="button" className="tool-button primary" onClick={onClose}>
            {t('dictionaries.done')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
