/**
 * Matching key presses to the registry's shortcuts, by physical key (`KeyboardEvent.code`), and
 * showing a shortcut the way the reader's keyboard labels it.
 */
import { ACTION_IDS, ACTIONS, type ActionContext, type ActionId, enabledIn, isTypingKey } from '../../src-main/contract/actions';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export type KeyPress = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Does this key press match a shortcut such as `Mod+Shift+KeyC`, `Shift+Slash`, `F3`? */
export function matchesShortcut(event: KeyPress, shortcut: string, mac = IS_MAC): boolean {
  const parts = shortcut.split('+');
  const code = parts.pop();
  const mod = parts.includes('Mod');
  const modPressed = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  return (
    event.code === code &&
    modPressed === mod &&
    !otherMod &&
    event.altKey === parts.includes('Alt') &&
    event.shiftKey === parts.includes('Shift')
  );
}

/**
 * The action a key press runs in this context, if any. In a text field and in a dialog a key that
 * types (a letter, a digit, `/`, Space, Enter) never runs an action, whatever the registry says.
 */
export function actionForKey(event: KeyPress, context: ActionContext, mac = IS_MAC): ActionId | undefined {
  for (const id of ACTION_IDS) {
    if (!enabledIn(id, context)) continue;
    for (const shortcut of ACTIONS[id].keys) {
      if ((context === 'text-field' || context === 'dialog') && isTypingKey(shortcut)) continue;
      if (matchesShortcut(event, shortcut, mac)) return id;
    }
  }
  return undefined;
}

/** The shortcuts of an action that can run in this context. */
export function keysIn(id: ActionId, context: ActionContext): string[] {
  if (!enabledIn(id, context)) return [];
  return ACTIONS[id].keys.filter((k) => !((context === 'text-field' || context === 'dialog') && isTypingKey(k)));
}

const NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Space: 'Space',
  Escape: 'Esc',
  ContextMenu: 'Menu',
  Slash: '/',
  Equal: '=',
  Minus: '−',
  NumpadAdd: 'Num +',
  NumpadSubtract: 'Num −',
  BracketLeft: '[',
  BracketRight: ']',
};
/** Shift+key on a US keyboard, for the few shortcuts that read better as one character. */
const SHIFTED: Record<string, string> = { Slash: '?', Equal: '+' };

/** The keys whose label is a word, in the UI language (`Space` is «Пробел» in Russian). */
export type KeyNames = Readonly<Partial<Record<string, string>>>;
export const WORD_KEYS = ['Space', 'ContextMenu'] as const;
/** The UI language's names of the word keys, from the locale (`keyNames.Space`). */
export function keyNames(t: (key: string) => string): KeyNames {
  return Object.fromEntries(WORD_KEYS.map((code) => [code, t(`keyNames.${code}`)]));
}

/**
 * How a shortcut is shown (`Ctrl+Shift+C`, `⌘⇧C`). `layout` maps codes to what the reader's
 * keyboard prints on that key (`navigator.keyboard.getLayoutMap()`, where the browser has it).
 */
export function displayShortcut(shortcut: string, mac = IS_MAC, layout?: ReadonlyMap<string, string>, names?: KeyNames): string {
  const parts = shortcut.split('+');
  const code = parts.pop() ?? '';
  const shift = parts.includes('Shift');
  const mods = parts.filter((p) => !(shift && p === 'Shift' && SHIFTED[code]));
  const key =
    shift && SHIFTED[code] && !layout
      ? SHIFTED[code]
      : (layout?.get(code)?.toUpperCase() ?? names?.[code] ?? NAMES[code] ?? code.replace(/^Key([A-Z])$/, '$1').replace(/^Digit(\d)$/, '$1'));
  const shown = (shift && SHIFTED[code] && layout ? parts : mods).map((p) =>
    p === 'Mod' ? (mac ? '⌘' : 'Ctrl') : p === 'Shift' ? (mac ? '⇧' : 'Shift') : p === 'Alt' ? (mac ? '⌥' : 'Alt') : p,
  );
  return [...shown, key].join(mac ? '' : '+');
}
