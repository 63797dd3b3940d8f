import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../src-main/contract/actions';
import { keysIn, displayShortcut, keyNames } from '../actions/keys';
import { filterPalette, paletteActions } from '../actions/palette';
import { useReader, useReaderState, useRun } from '../reader/context';
import { Dialog } from './Dialog';

/** Every action enabled now, with its keys, searchable, in the UI language (Ctrl+K). */
export function CommandPalette() {
  const { t } = useTranslation();
  const names = keyNames(t);
  const app = useReader();
  const run = useRun();
  const mode = useReaderState((s) => s.mode);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const all = useMemo(() => paletteActions(mode), [mode]);
  const label = (id: ActionId) => t(`actions.${id}`);
  const shown = filterPalette(all, label, query);
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const choose = (id: ActionId | undefined) => {
    if (!id) return;
    app.close();
    run(id);
  };
  const optionId = (id: ActionId) => `${listId}-${id}`;
  return (
    <Dialog title={t('palette.title')} onClose={() => app.close()} className="palette-dialog">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t('palette.label')}
      </label>
      <input
        id={`${listId}-input`}
        className="palette-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[current] ? optionId(shown[current]) : undefined}
        placeholder={t('palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        data-autofocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, shown.length));
          else if (e.key === 'ArrowUp') setActive((current - 1 + shown.length) % Math.max(1, shown.length));
          else if (e.key === 'Home' && e.ctrlKey) setActive(0);
          else if (e.key === 'Enter') choose(shown[current]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={listId} className="palette-list" role="listbox" aria-label={t('palette.label')}>
        {shown.map((id, i) => (
          <li
            key={id}
            id={optionId(id)}
            role="option"
            aria-selected={i === current}
            className={`palette-item${i === current ? ' is-active' : ''}`}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(id)}
          >
            <span className="palette-label">{label(id)}</span>
            <span className="palette-keys">
              {keysIn(id, mode).map((key) => (
                <kbd key={key}>{displayShortcut(key, undefined, undefined, names)}</kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="panel-hint" role="status">
          {t('palette.none')}
        </p>
      )}
    </Dialog>
  );
}
