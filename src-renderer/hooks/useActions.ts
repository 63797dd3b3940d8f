/**
 * Binds the action registry (`src-main/contract/actions.ts`) to the keyboard and the application
 * menu: both run the same handler. Single-key shortcuts are ignored while the reader types.
 */
import { useLayoutEffect, useRef } from 'react';
import { ACTIONS, type ActionId, ACTION_IDS } from '../../src-main/contract/actions';
import { getApi } from '../api';

export type ActionHandlers = Partial<Record<ActionId, () => void>>;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Does this key event match a shortcut such as `Mod+Shift+C`, `?`, `ArrowDown`, `Mod++`? */
export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: string, mac = IS_MAC): boolean {
  const plus = shortcut.endsWith('++');
  const parts = (plus ? shortcut.slice(0, -2) : shortcut).split('+').filter((p) => p !== '');
  const key = plus ? '+' : parts.pop();
  if (key === undefined) return false;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  const modPressed = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  if (modPressed !== mod || otherMod || event.altKey !== alt) return false;
  // Printable keys carry Shift in the character itself (`?`, `+`, `J`); only named keys and letters
  // with an explicit Shift need it checked.
  const printable = key.length === 1;
  if (printable && /[a-z]/i.test(key)) {
    return event.key.toLowerCase() === key.toLowerCase() && event.shiftKey === shift;
  }
  if (printable) return event.key === key;
  return event.key === key && event.shiftKey === shift;
}

export function actionForKey(event: KeyboardEvent, typing: boolean): ActionId | undefined {
  for (const id of ACTION_IDS) {
    for (const shortcut of ACTIONS[id].keys) {
      const single = !shortcut.includes('Mod') && !shortcut.startsWith('F') && shortcut !== 'Escape';
      if (typing && single) continue;
      if (matchesShortcut(event, shortcut)) return id;
    }
  }
  return undefined;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys that keep their own meaning on buttons and other controls. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a[href], summary, [role="menuitem"], [role="dialog"] *');
}

export function useActions(handlers: ActionHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  // Bound before the first paint, so a key pressed as soon as the text shows is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = actionForKey(event, isTyping(event.target));
      if (!id) return;
      // Enter and Space keep their meaning on buttons, links and menus.
      if (id === 'pin-counterpart' && isControl(event.target)) return;
      const handler = ref.current[id];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getApi().onMenuAction((id) => ref.current[id]?.());
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
}

/** How a shortcut is shown to the reader (`Ctrl+Shift+C`, `⌘⇧C`). */
export function displayShortcut(shortcut: string, mac = IS_MAC): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    ' ': 'Space',
    Escape: 'Esc',
    ContextMenu: 'Menu',
  };
  const plus = shortcut.endsWith('++');
  const parts = (plus ? shortcut.slice(0, -2) : shortcut).split('+').filter((p) => p !== '');
  if (plus) parts.push('+');
  return parts
    .map((p) => (p === 'Mod' ? (mac ? '⌘' : 'Ctrl') : p === 'Shift' && mac ? '⇧' : (names[p] ?? (p.length === 1 ? p.toUpperCase() : p))))
    .join(mac ? '' : '+');
}
