/**
 * Every reader action, described once: its id, its label (`actions.<id>` in the locales), its keys,
 * the contexts in which it is enabled, where the application menu lists it. What an action does
 * lives in the renderer (`src-renderer/actions/registry.ts`, checked complete against `ActionId`);
 * the application menu (main) shows the same keys and sends the id, so both run the same code.
 *
 * Keys are physical keys (`KeyboardEvent.code`: `KeyJ`, `Slash`, `Digit0`), so a shortcut works on
 * any keyboard layout (the J key gives "о" on a Russian layout and is still `KeyJ`). `Mod` is Ctrl,
 * or Cmd on macOS.
 *
 * Contexts, like VS Code's `when` clauses: `reading` (the text, nothing open), `edit-alignment`
 * (the Edit alignment mode), `text-field` (the focus is in a field the reader types in), `dialog`
 * (a dialog or the palette is open). A single key without Ctrl/Cmd/Alt is never bound in the last
 * two: it would swallow what the reader types.
 */
export const CONTEXTS = ['reading', 'edit-alignment', 'text-field', 'dialog'] as const;
export type ActionContext = (typeof CONTEXTS)[number];

export const ACTION_GROUPS = ['move', 'search', 'compare', 'annotate', 'align', 'view', 'help'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const MENUS = ['go', 'edit', 'view', 'align', 'help'] as const;
export type ActionMenu = (typeof MENUS)[number];

export interface ActionSpec {
  group: ActionGroup;
  keys: readonly string[];
  /** Where the action is enabled. */
  when: readonly ActionContext[];
  /** The application menu that lists it (the command palette lists the same actions). */
  menu: ActionMenu | null;
}

/** Reading: the text and the reading tools. Both: those work while editing the alignment too. */
const BOTH = ['reading', 'edit-alignment'] as const;
const EDIT = ['edit-alignment'] as const;
const ANYWHERE_BUT_DIALOG = ['reading', 'edit-alignment', 'text-field'] as const;

export const ACTIONS = {
  'next-row': { group: 'move', keys: ['KeyJ'], when: BOTH, menu: 'go' },
  'previous-row': { group: 'move', keys: ['KeyK'], when: BOTH, menu: 'go' },
  'next-paragraph': { group: 'move', keys: ['KeyN', 'Shift+KeyJ'], when: BOTH, menu: 'go' },
  'previous-paragraph': { group: 'move', keys: ['KeyP', 'Shift+KeyK'], when: BOTH, menu: 'go' },
  'first-row': { group: 'move', keys: ['Mod+Home'], when: BOTH, menu: 'go' },
  'last-row': { group: 'move', keys: ['Mod+End'], when: BOTH, menu: 'go' },
  'go-to-paragraph': { group: 'move', keys: ['KeyG', 'Mod+KeyG'], when: BOTH, menu: 'go' },
  'toggle-contents': { group: 'move', keys: ['KeyO'], when: BOTH, menu: 'go' },
  'toggle-bookmark': { group: 'move', keys: ['Mod+KeyD'], when: BOTH, menu: 'go' },
  'toggle-bookmarks': { group: 'move', keys: ['Shift+KeyB'], when: BOTH, menu: 'go' },
  // The library, from the palette and the Go menu too: the bar's button is behind every clause above.
  'open-library': { group: 'move', keys: [], when: BOTH, menu: 'go' },
  'open-search': { group: 'search', keys: ['Mod+KeyF', 'Slash'], when: ANYWHERE_BUT_DIALOG, menu: 'edit' },
  'toggle-search': { group: 'search', keys: [], when: BOTH, menu: null },
  'find-next': { group: 'search', keys: ['F3', 'Mod+Enter'], when: ANYWHERE_BUT_DIALOG, menu: 'edit' },
  'find-previous': { group: 'search', keys: ['Shift+F3', 'Mod+Shift+Enter'], when: ANYWHERE_BUT_DIALOG, menu: 'edit' },
  'pin-counterpart': { group: 'compare', keys: ['Enter', 'Space'], when: BOTH, menu: null },
  'show-counterpart': { group: 'compare', keys: ['KeyC'], when: BOTH, menu: 'view' },
  'copy-english': { group: 'compare', keys: [], when: BOTH, menu: 'edit' },
  'copy-russian': { group: 'compare', keys: [], when: BOTH, menu: 'edit' },
  'copy-pair': { group: 'compare', keys: ['Mod+Shift+KeyC'], when: BOTH, menu: 'edit' },
  'copy-pair-markdown': { group: 'compare', keys: ['Mod+Shift+KeyM'], when: BOTH, menu: 'edit' },
  'open-context-menu': { group: 'compare', keys: ['Shift+F10', 'ContextMenu'], when: BOTH, menu: null },
  'highlight-selection': { group: 'annotate', keys: ['Mod+Shift+KeyH'], when: BOTH, menu: 'edit' },
  'note-selection': { group: 'annotate', keys: ['Mod+Shift+KeyN'], when: BOTH, menu: 'edit' },
  'note-row': { group: 'annotate', keys: ['KeyR'], when: BOTH, menu: 'edit' },
  'toggle-annotations': { group: 'annotate', keys: ['KeyA'], when: BOTH, menu: 'view' },
  'undo': { group: 'annotate', keys: ['Mod+KeyZ'], when: BOTH, menu: 'edit' },
  'redo': { group: 'annotate', keys: ['Mod+Shift+KeyZ', 'Mod+KeyY'], when: BOTH, menu: 'edit' },
  'toggle-edit-alignment': { group: 'align', keys: ['KeyE'], when: BOTH, menu: 'align' },
  'merge-row': { group: 'align', keys: ['KeyM'], when: EDIT, menu: 'align' },
  'split-row': { group: 'align', keys: ['KeyX'], when: EDIT, menu: 'align' },
  'move-first-to-previous': { group: 'align', keys: ['Alt+ArrowUp'], when: EDIT, menu: 'align' },
  'move-last-to-next': { group: 'align', keys: ['Alt+ArrowDown'], when: EDIT, menu: 'align' },
  'confirm-row': { group: 'align', keys: ['KeyY'], when: EDIT, menu: 'align' },
  'next-unconfirmed': { group: 'align', keys: ['KeyU'], when: EDIT, menu: 'align' },
  'next-uneven': { group: 'align', keys: ['KeyB'], when: EDIT, menu: 'align' },
  'next-weakest': { group: 'align', keys: ['KeyW'], when: EDIT, menu: 'align' },
  'toggle-layout': { group: 'view', keys: ['KeyL', 'Mod+KeyL'], when: BOTH, menu: 'view' },
  'swap-columns': { group: 'view', keys: ['KeyS'], when: BOTH, menu: 'view' },
  'cycle-theme': { group: 'view', keys: ['KeyT'], when: BOTH, menu: 'view' },
  'zoom-in': { group: 'view', keys: ['Mod+Equal', 'Mod+Shift+Equal', 'Mod+NumpadAdd'], when: ANYWHERE_BUT_DIALOG, menu: 'view' },
  'zoom-out': { group: 'view', keys: ['Mod+Minus', 'Mod+NumpadSubtract'], when: ANYWHERE_BUT_DIALOG, menu: 'view' },
  'zoom-reset': { group: 'view', keys: ['Mod+Digit0'], when: ANYWHERE_BUT_DIALOG, menu: 'view' },
  'cycle-line-spacing': { group: 'view', keys: ['KeyH'], when: BOTH, menu: 'view' },
  'open-display': { group: 'view', keys: ['Mod+Shift+KeyA'], when: BOTH, menu: 'view' },
  'command-palette': { group: 'help', keys: ['Mod+KeyK', 'Mod+Shift+KeyP'], when: ANYWHERE_BUT_DIALOG, menu: 'help' },
  'show-help': { group: 'help', keys: ['Shift+Slash', 'F1'], when: BOTH, menu: 'help' },
  'close-overlay': { group: 'help', keys: ['Escape'], when: BOTH, menu: null },
  // Dictionaries, print and the document's details (issue 12).
  'look-up-word': { group: 'search', keys: ['KeyD'], when: BOTH, menu: 'edit' },
  'open-dictionaries': { group: 'search', keys: [], when: BOTH, menu: 'edit' },
  'print-document': { group: 'view', keys: ['Mod+KeyP'], when: BOTH, menu: 'view' },
  'edit-details': { group: 'view', keys: [], when: BOTH, menu: 'view' },
  // Consistency checks and the glossary (issue 11).
  'toggle-checks': { group: 'compare', keys: ['Shift+KeyC'], when: BOTH, menu: 'view' },
  'toggle-glossary': { group: 'compare', keys: ['Shift+KeyG'], when: BOTH, menu: 'view' },
  'add-to-glossary': { group: 'compare', keys: ['Mod+Shift+KeyG'], when: BOTH, menu: 'edit' },
  // Term links and the concordance (issue 11).
  'next-term': { group: 'compare', keys: ['BracketRight'], when: BOTH, menu: 'view' },
  'previous-term': { group: 'compare', keys: ['BracketLeft'], when: BOTH, menu: 'view' },
  'open-concordance': { group: 'compare', keys: ['Shift+KeyF'], when: BOTH, menu: 'edit' },
  // The interface language from the palette (the other one of the two); the application menu has
  // its own Language menu, so this is listed in the palette only (PALETTE_ONLY).
  'switch-ui-language': { group: 'view', keys: [], when: BOTH, menu: null },
} as const satisfies Record<string, ActionSpec>;

export type ActionId = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

/** Actions in no application menu that the command palette lists all the same. */
export const PALETTE_ONLY: readonly ActionId[] = ['switch-ui-language'];

/** Is the action enabled in this context? */
export function enabledIn(id: ActionId, context: ActionContext): boolean {
  return (ACTIONS[id].when as readonly ActionContext[]).includes(context);
}

/** A key without Ctrl/Cmd/Alt that is not a function key, Escape or a named key: it types. */
export function isTypingKey(shortcut: string): boolean {
  const parts = shortcut.split('+');
  const code = parts.at(-1) ?? '';
  if (parts.includes('Mod') || parts.includes('Alt')) return false;
  return /^(Key[A-Z]|Digit\d|Slash|Equal|Minus|Space|Enter|Period|Comma|Semicolon|Quote|Backquote|Backslash|BracketLeft|BracketRight)$/.test(code);
}

const ACCELERATOR_NAMES: Record<string, string> = {
  Mod: 'CommandOrControl',
  Space: 'Space',
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Slash: '/',
  Equal: '=',
  Minus: '-',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  BracketLeft: '[',
  BracketRight: ']',
};

/** `Mod+Shift+KeyC` → Electron's accelerator `CommandOrControl+Shift+C`. */
export function toAccelerator(shortcut: string): string {
  return shortcut
    .split('+')
    .map((part) => ACCELERATOR_NAMES[part] ?? part.replace(/^Key([A-Z])$/, '$1').replace(/^Digit(\d)$/, '$1'))
    .join('+');
}
