import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../src-main/contract/actions';
import { useReader, useReaderState, useRun } from '../reader/context';
import type { RowTarget } from '../state/reader-state';

const COPY: ActionId[] = ['copy-english', 'copy-russian', 'copy-pair', 'copy-pair-markdown', 'note-row', 'toggle-bookmark', 'add-to-glossary'];
const ALIGN: ActionId[] = ['merge-row', 'split-row', 'move-first-to-previous', 'move-last-to-next', 'confirm-row'];

/** The context menu of a clause: copy, note, bookmark; in Edit alignment, the corrections too. */
export function ClauseMenu({ target, at }: { target: RowTarget; at: { x: number; y: number } }) {
  const { t } = useTranslation();
  const app = useReader();
  const run = useRun();
  const mode = useReaderState((s) => s.mode);
  const ref = useRef<HTMLDivElement>(null);
  const onClose = () => app.close();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) app.close();
    };
    window.addEventListener('mousedown', away);
    return () => {
      window.removeEventListener('mousedown', away);
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [app]);

  /** Down and Up (round), Home and End: true when the key moved the focus. */
  const move = (key: string) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const n = items.length;
    const next = { ArrowDown: (i + 1) % n, ArrowUp: (i - 1 + n) % n, Home: 0, End: n - 1 }[key];
    if (next === undefined) return false;
    items[next]?.focus();
    return true;
  };
  const editing = mode === 'edit-alignment';
  const entry = app.entries[target.rowIndex];
  const confirmed = entry ? app.confirmed.has(entry.row.id) : false;
  const label = (id: ActionId) =>
    id === 'confirm-row' && confirmed ? t('clauseMenu.unconfirm') : id === 'toggle-bookmark' && entry && app.state.bookmarks.includes(entry.row.id) ? t('bookmarks.remove') : t(`clauseMenu.${id}`);
  const item = (id: ActionId) => (
    <button
      key={id}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="clause-menu-item"
      onClick={() => {
        app.close();
        run(id, target);
      }}
    >
      {label(id)}
    </button>
  );
  const left = Math.min(at.x, window.innerWidth - 260);
  const top = Math.min(at.y, window.innerHeight - (editing ? 420 : 260));
  return (
    <div
      ref={ref}
      className="clause-menu"
      role="menu"
      aria-label={t('clauseMenu.label')}
      style={{ left, top }}
      onKeyDown={(e) => {
        // Home and End go to the first and the last item (they scrolled the text behind the menu).
        if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !move(e.key)) return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {COPY.map(item)}
      {editing && <div role="separator" className="clause-menu-separator" />}
      {editing && ALIGN.map(item)}
    </div>
  );
}
