import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type ClauseMenuCommand =
  | 'copy-en'
  | 'copy-ru'
  | 'copy-pair'
  | 'copy-markdown'
  | 'merge'
  | 'split'
  | 'move-first-to-previous'
  | 'move-last-to-next'
  | 'confirm';
const COPY: ClauseMenuCommand[] = ['copy-en', 'copy-ru', 'copy-pair', 'copy-markdown'];
const ALIGN: ClauseMenuCommand[] = ['merge', 'split', 'move-first-to-previous', 'move-last-to-next', 'confirm'];

/** The context menu of a clause: copy one version, the pair, or the pair as Markdown. */
export function ClauseMenu({
  at,
  editable,
  confirmed,
  onCommand,
  onClose,
}: {
  at: { x: number; y: number };
  /** Alignment commands are offered when the document's alignment can be corrected. */
  editable: boolean;
  confirmed: boolean;
  onCommand: (command: ClauseMenuCommand) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => {
      window.removeEventListener('mousedown', away);
      opener?.focus();
    };
  }, [onClose]);

  const move = (delta: number) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + delta + items.length) % items.length]?.focus();
  };

  const left = Math.min(at.x, window.innerWidth - 240);
  const top = Math.min(at.y, window.innerHeight - (editable ? 340 : 180));
  return (
    <div
      ref={ref}
      className="clause-menu"
      role="menu"
      aria-label={t('clauseMenu.label')}
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {COPY.map((command) => (
        <button key={command} type="button" role="menuitem" tabIndex={-1} className="clause-menu-item" onClick={() => onCommand(command)}>
          {t(`clauseMenu.${command}`)}
        </button>
      ))}
      {editable && <div role="separator" className="clause-menu-separator" />}
      {editable &&
        ALIGN.map((command) => (
          <button key={command} type="button" role="menuitem" tabIndex={-1} className="clause-menu-item" onClick={() => onCommand(command)}>
            {command === 'confirm' && confirmed ? t('clauseMenu.unconfirm') : t(`clauseMenu.${command}`)}
          </button>
        ))}
    </div>
  );
}
